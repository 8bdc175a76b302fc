// What the extension pages (popup, options) need of the browser's runtime: sending a request to
// the background, and the tab the popup belongs to. Apart from runtime.ts so that the pages'
// bundles carry only these few lines.
import browser from './browser';

export function sendMessage<T>(message: unknown): Promise<T> {
  return browser.runtime.sendMessage(message) as Promise<T>;
}

/**
 * The tab the popup belongs to (needs no `tabs` permission: only ids and lastAccessed are read).
 * Firefox for Android shows the popup as a tab of its own, which is then the active one: the tab
 * it belongs to is the one the user was on just before.
 */
export async function activeTabId(): Promise<number | null> {
  const [[active], own] = await Promise.all([
    browser.tabs.query({ active: true, currentWindow: true }),
    // The popup's own tab when it is shown as one; undefined in a toolbar panel.
    Promise.resolve()
      .then(() => browser.tabs.getCurrent())
      .catch(() => undefined),
  ]);
  if (active?.id !== undefined && active.id !== own?.id) return active.id;
  const others = (await browser.tabs.query({ currentWindow: true })).filter(
    (tab) => tab.id !== undefined && tab.id !== own?.id,
  );
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.id ?? null;
}
