// Builds Matou for one browser per run: `vite build --mode chrome` -> dist/chrome,
// `vite build --mode firefox` -> dist/firefox. manifest.json (Chromium shape) is the one
// source manifest; the Firefox manifest is derived from it here.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import sourceManifest from './manifest.json' with { type: 'json' };
import { firefoxManifest } from './scripts/lib/firefox-manifest.ts';
import { guideSteps } from './scripts/lib/guide-steps-plugin.ts';
import { catalogueProofsOut } from './scripts/lib/catalogue-proofs-plugin.ts';
import { classifierTables } from './scripts/lib/classifier-tables-plugin.ts';

const CONTENT_SCRIPT = 'src/content/index.ts';

export default defineConfig(({ mode }) => {
  const target = mode === 'firefox' ? 'firefox' : 'chrome';
  const manifest = (
    target === 'firefox' ? firefoxManifest(sourceManifest) : sourceManifest
  ) as ManifestV3Export;
  return {
    plugins: [
      preact(),
      guideSteps(),
      catalogueProofsOut(),
      classifierTables(),
      crx({
        manifest,
        browser: target,
        // One self-contained content script: no loader chunk, so no web_accessible_resources.
        contentScripts: { standaloneFiles: [CONTENT_SCRIPT] },
      }),
    ],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: target === 'firefox' ? 'firefox140' : 'chrome120',
      sourcemap: false,
      minify: true,
      // The pages list the chunks their entry imports (<link rel="modulepreload">), so that the
      // browser fetches them at once instead of discovering them one import after another.
      // No polyfill: both browsers support modulepreload.
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
    },
  };
});
