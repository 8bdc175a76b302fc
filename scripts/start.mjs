#!/usr/bin/env node
// `npm start`: opens a browser with the freshly built Matou loaded, on a page that says what to
// try. Firefox (firefox-esr or firefox) when installed, Chromium otherwise or with --chromium.
// Uses web-ext run, which installs the extension temporarily in a throw-away profile.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const wantChromium = args.includes('--chromium');
const headless =
  args.includes('--headless') ||
  (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

const firefox = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/local/bin/firefox'].find((path) =>
  existsSync(path),
);
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((path) =>
  existsSync(path),
);
const startPage = pathToFileURL(join(root, 'docs', 'try-matou.html')).href;
const webExt = join(root, 'node_modules', '.bin', 'web-ext');

let runArgs;
if (!wantChromium && firefox) {
  runArgs = [
    'run',
    '--target',
    'firefox-desktop',
    '--firefox',
    firefox,
    '--source-dir',
    join(root, 'dist/firefox'),
  ];
} else if (chromium) {
  runArgs = [
    'run',
    '--target',
    'chromium',
    '--chromium-binary',
    chromium,
    '--source-dir',
    join(root, 'dist/chrome'),
  ];
  if (headless) runArgs.push('--args=--headless=new', '--args=--no-sandbox');
} else {
  console.error(
    'No browser found: install Firefox (apt-get install firefox-esr) or Chromium (apt-get install chromium).',
  );
  process.exit(1);
}
runArgs.push('--start-url', startPage, '--no-reload');

if (headless)
  console.log(
    'No display found: the browser runs headless (the extension still loads; use a desktop session to see it).',
  );
console.log(`Starting ${runArgs[2]} with Matou loaded. Close the browser or press Ctrl+C to stop.`);
const child = spawn(webExt, runArgs, {
  stdio: 'inherit',
  env: headless ? { ...process.env, MOZ_HEADLESS: '1' } : process.env,
});
child.on('exit', (code) => process.exit(code ?? 0));
