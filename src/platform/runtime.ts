// Messages, tab lifecycle, alarms and extension metadata: the background's window on the browser.
// (What the extension pages need is in pages.ts, so that they do not carry this file.)
import browser, { type Runtime } from './browser';

export type MessageSender = Runtime.MessageSender;

export const extensionId = (): string => browser.runtime.id;
export const extensionUrl = (path: string): string => browser.runtime.getURL(path);
/** Matou's version, from the manifest (written at the end of a correction report). */
export function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return ''; // test doubles of `browser` may not know the manifest
  }
}

/**
 * Registers the one message listener. `handle` returns a promise for the answer, or
 * undefined when the message is not for us (then no answer is sent).
 */
export function onMessage(
  handle: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined,
): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    handle(message, sender),
  );
}

/** Asks the content script of a tab; rejects when the tab has none (a page Matou does not watch). */
export function askTab<T>(tabId: number, message: unknown): Promise<T> {
  return browser.tabs.sendMessage(tabId, message) as Promise<T>;
}

export function onTabRemoved(listener: (tabId: number) => void): void {
  browser.tabs.onRemoved.addListener((tabId: number) => listener(tabId));
}

export function onInstalled(listener: (reason: string) => void): void {
  browser.runtime.onInstalled.addListener((details: Runtime.OnInstalledDetailsType) =>
    listener(details.reason),
  );
}

export function onStartup(listener: () => void): void {
  browser.runtime.onStartup.addListener(listener);
}

export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

export async function existingTabIds(): Promise<Set<number>> {
  const tabs = await browser.tabs.query({});
  return new Set(tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id])));
}

export function alarms() {
  return {
    async ensure(name: string, periodInMinutes: number): Promise<void> {
      const existing = await browser.alarms.get(name);
      if (!existing || existing.periodInMinutes !== periodInMinutes) {
        await browser.alarms.create(name, { delayInMinutes: 1, periodInMinutes });
      }
    },
    async clear(name: string): Promise<void> {
      await browser.alarms.clear(name);
    },
    onAlarm(listener: (name: string) => void): void {
      browser.alarms.onAlarm.addListener((alarm) => listener(alarm.name));
    },
  };
}
