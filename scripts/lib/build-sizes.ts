// Sizes of what a build ships, entry by entry: the files each entry really loads (its chunk and
// every chunk it imports statically), measured on disk after minification.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface EntrySize {
  entry: string;
  files: string[];
  bytes: number;
}

export interface BuildSizes {
  dist: string;
  entries: EntrySize[];
  /** Every file of the build, added up. */
  totalBytes: number;
}

const IMPORT = /(?:import|export)\s*(?:[^'"`]*?from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;

/** A JS file and, transitively, every chunk it imports statically. */
function jsClosure(dist: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(dist, file), 'utf8');
  for (const match of text.matchAll(IMPORT)) {
    const target = relative(dist, resolve(dirname(join(dist, file)), match[1] as string));
    jsClosure(dist, target, seen);
  }
  return seen;
}

function htmlScripts(dist: string, html: string): string[] {
  const text = readFileSync(join(dist, html), 'utf8');
  return [...text.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => {
    const src = m[1] as string;
    return src.startsWith('/') ? src.slice(1) : relative(dist, resolve(dirname(join(dist, html)), src));
  });
}

function entrySize(dist: string, entry: string, roots: string[]): EntrySize {
  const files = new Set<string>();
  for (const root of roots) for (const file of jsClosure(dist, root)) files.add(file);
  const list = [...files].sort();
  return { entry, files: list, bytes: list.reduce((sum, file) => sum + statSync(join(dist, file)).size, 0) };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) =>
    item.isDirectory() ? allFiles(join(dir, item.name)) : [join(dir, item.name)],
  );
}

export function measureBuild(dist: string): BuildSizes {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const entries: EntrySize[] = [];
  const background: string[] = manifest.background.service_worker
    ? [manifest.background.service_worker]
    : manifest.background.scripts;
  entries.push(entrySize(dist, 'background', background));
  for (const [i, script] of (manifest.content_scripts ?? []).entries()) {
    entries.push(entrySize(dist, `content script ${i + 1}`, script.js));
  }
  entries.push(entrySize(dist, 'popup', htmlScripts(dist, manifest.action.default_popup)));
  entries.push(entrySize(dist, 'options', htmlScripts(dist, manifest.options_ui.page)));
  return { dist, entries, totalBytes: allFiles(dist).reduce((sum, file) => sum + statSync(file).size, 0) };
}

/** Where `npm run package` (web-ext build) writes the zips, and how it names them. */
export function packagePath(root: string, browser: 'chrome' | 'firefox', version: string): string {
  return join(root, 'dist', 'packages', `matou-${browser}-${version}.zip`);
}
