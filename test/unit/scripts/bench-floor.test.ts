// The badge bench's floor: Matou's built extension with a background that only sets a fixed badge
// for each page report. Its manifest must stay Matou's but for the background, or the floor
// would measure another path than Matou's.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFloorExtension } from '../../../scripts/bench/pageload';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const CONTENT_SCRIPTS = [
  { matches: ['https://mail.google.com/*'], js: ['src/content/index.js'], run_at: 'document_start' },
];

function built(background: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'matou-floor-source-'));
  made.push(dir);
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      default_locale: 'fr',
      background,
      content_scripts: CONTENT_SCRIPTS,
    }),
  );
  writeFileSync(join(dir, 'service-worker-loader.js'), "import './assets/background.js';\n");
  return dir;
}

function floorOf(source: string) {
  const dir = makeFloorExtension(source);
  made.push(dir);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  return { dir, manifest };
}

/** Runs the floor's background against a fake browser; returns what it called. */
function runBackground(dir: string, global: 'browser' | 'chrome') {
  const calls: unknown[] = [];
  const listeners: Array<(message: unknown, sender: unknown) => unknown> = [];
  const installed: Array<() => void> = [];
  const api = {
    runtime: {
      onMessage: { addListener: (fn: (typeof listeners)[number]) => listeners.push(fn) },
      onInstalled: { addListener: (fn: () => void) => installed.push(fn) },
    },
    action: { setBadgeText: (details: unknown) => calls.push(['setBadgeText', details]) },
    tabs: { create: (details: unknown) => calls.push(['tabs.create', details]) },
  };
  runInNewContext(readFileSync(join(dir, 'floor-background.js'), 'utf8'), { globalThis: { [global]: api } });
  return { calls, listeners, installed };
}

describe('makeFloorExtension', () => {
  it("keeps Chromium's manifest but the worker, which badges each page report and nothing else", () => {
    const { dir, manifest } = floorOf(built({ service_worker: 'service-worker-loader.js', type: 'module' }));
    expect(basename(dir)).toMatch(/^bare-/);
    expect(manifest).toMatchObject({
      default_locale: 'fr',
      content_scripts: CONTENT_SCRIPTS,
      background: { service_worker: 'floor-background.js', type: 'module' },
    });
    const { calls, listeners, installed } = runBackground(dir, 'chrome');
    expect(installed).toHaveLength(0);
    listeners[0]!({ type: 'page', url: 'https://mail.google.com/' }, { tab: { id: 7 } });
    listeners[0]!({ type: 'get-popup-state' }, {});
    listeners[0]!({ type: 'page', url: 'https://mail.google.com/' }, {});
    expect(calls).toEqual([['setBadgeText', { tabId: 7, text: '1' }]]);
  });

  it("keeps Firefox's manifest but the event page's script (still a module), and opens its own page", () => {
    const { dir, manifest } = floorOf(built({ scripts: ['service-worker-loader.js'], type: 'module' }));
    expect(manifest).toMatchObject({
      content_scripts: CONTENT_SCRIPTS,
      background: { scripts: ['floor-background.js'], type: 'module' },
    });
    expect(readFileSync(join(dir, 'floor.html'), 'utf8')).toContain('<main>');
    const { calls, listeners, installed } = runBackground(dir, 'browser');
    installed[0]!();
    listeners[0]!({ type: 'page', url: 'https://mail.google.com/' }, { tab: { id: 3 } });
    expect(calls).toEqual([
      ['tabs.create', { url: 'floor.html' }],
      ['setBadgeText', { tabId: 3, text: '1' }],
    ]);
  });
});
