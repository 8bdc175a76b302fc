// Typed access to the two storage areas Matou uses.
// - local: settings and the downloaded directory copy (kept across restarts and updates);
// - session: per-tab state and "not now" sites (kept while the browser runs, even when the
//   background worker is stopped, forgotten on restart).
import browser from './browser';

export interface LocalAreas {
  settings: unknown;
  directoryCache: unknown;
  directoryCheck: unknown;
  /** Local corrections (src/core/corrections/local.ts): their own key, never touched by a refresh or an update. */
  corrections: unknown;
  /** The hosts the user chose, per need (src/core/my-hosts.ts): their own key too. */
  myHosts: unknown;
}

export interface SessionAreas {
  tabs: unknown;
  snoozedSites: unknown;
  /** How many hosts are near, per need, for one region (the badge's number without loading the directory). */
  nearCounts: unknown;
}

export async function readLocal<K extends keyof LocalAreas>(key: K): Promise<unknown> {
  const got = await browser.storage.local.get(key);
  return got[key];
}

export async function writeLocal<K extends keyof LocalAreas>(key: K, value: LocalAreas[K]): Promise<void> {
  await browser.storage.local.set({ [key]: value });
}

export async function readSession<K extends keyof SessionAreas>(key: K): Promise<unknown> {
  const got = await browser.storage.session.get(key);
  return got[key];
}

export async function writeSession<K extends keyof SessionAreas>(
  key: K,
  value: SessionAreas[K],
): Promise<void> {
  await browser.storage.session.set({ [key]: value });
}
