// The real background, in process, for component tests: the catalogue, the bundled directory
// snapshot and the message handler as the extension wires them (src/background/index.ts), on
// the fake browser. The views' `browser.runtime.sendMessage` reaches this handler with an
// extension-page sender, and the handler's "which page does this tab show?" is answered from
// `pages`, as a content script would.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Settings } from '../../src/core/settings';
import { createComponents } from '../../src/background/components';
import type { SettingsStore } from '../../src/background/settings-store';
import { fakeBrowser } from './fake-extension';

export const SNAPSHOT_FILE = resolve(import.meta.dirname, '../../public/directory/snapshot.json');
export const bundledSnapshot = (): unknown => JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8'));

export interface BackgroundDouble {
  /** Every request the views sent, in order. */
  requests: Array<{ type: string } & Record<string, unknown>>;
  settings: SettingsStore;
  /** What the views see next when they ask about a tab: make tab `tabId` show `url` (null: no content script). */
  show(tabId: number, url: string | null): void;
  /** Makes the next answers fail, as when the worker is gone. */
  fail(reason: string | null): void;
  /** A content script's report from tab `tabId` (its top frame), as the badge hears it. */
  report(tabId: number, url: string): Promise<void>;
}

export interface DoubleOptions {
  pages?: Record<number, string>;
  settings?: Partial<Settings>;
  /** The region Matou guesses when none is set (the worker guesses it from the browser). */
  guessedRegion?: string;
  /** Answers the directory download (refresh); the default fails as if offline. */
  fetch?: typeof fetch;
  /** The snapshot shipped with the extension (default: public/directory/snapshot.json). */
  snapshot?: unknown;
  /** Other records already in local storage (`myHosts`, `corrections`…). */
  local?: Record<string, unknown>;
}

export async function startBackground(options: DoubleOptions = {}): Promise<BackgroundDouble> {
  fakeBrowser.reset();
  const pages = new Map<number, string | null>(
    Object.entries(options.pages ?? {}).map(([id, url]) => [Number(id), url]),
  );
  if (options.settings) {
    await fakeBrowser.storage.local.set({ settings: { version: 1, ...options.settings } });
  }
  if (options.local) await fakeBrowser.storage.local.set(options.local);
  const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
  const { settings, router } = createComponents({
    loadBundledSnapshot: async () => options.snapshot ?? bundledSnapshot(),
    fetch: options.fetch ?? offline,
    guessedRegion: options.guessedRegion ?? 'FR',
  });
  const handle = router.handle;

  const requests: BackgroundDouble['requests'] = [];
  let failure: string | null = null;
  const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('src/popup/index.html') };
  fakeBrowser.runtime.sendMessage = (async (message: unknown) => {
    requests.push(structuredClone(message) as BackgroundDouble['requests'][number]);
    if (failure) throw new Error(failure);
    // Answers cross a structured clone in the browsers: so do they here.
    return structuredClone(await handle(structuredClone(message), sender));
  }) as typeof fakeBrowser.runtime.sendMessage;
  fakeBrowser.tabs.sendMessage = (async (tabId: number) => {
    const url = pages.get(tabId);
    if (!url) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { type: 'page', url };
  }) as typeof fakeBrowser.tabs.sendMessage;

  return {
    requests,
    settings,
    show(tabId, url) {
      pages.set(tabId, url);
    },
    fail(reason) {
      failure = reason;
    },
    async report(tabId, url) {
      pages.set(tabId, url);
      await handle(
        { type: 'page', url },
        { id: fakeBrowser.runtime.id, url, tab: { id: tabId } as never, frameId: 0 },
      );
    },
  };
}
