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

type Area = 'local' | 'session';

/**
 * Values asked for by readEarly and not read yet, per area and key. Each serves the first read of
 * its key only (the stores keep what they read in memory); a write of the key drops it first, so
 * a read never returns a value older than a write made from here.
 */
const early: Record<Area, Map<string, Promise<unknown>>> = { local: new Map(), session: new Map() };

function startEarly(area: Area, keys: readonly string[]): void {
  if (keys.length === 0) return;
  const all = browser.storage[area].get([...keys]);
  for (const key of keys) {
    const value = all.then((got) => got[key]);
    value.catch(() => undefined); // a failure is the first read's to report, if it comes
    early[area].set(key, value);
  }
}

/**
 * Starts, in one call per area, the reads a woken worker is about to make, so that they run while
 * the rest of the worker's script is evaluated instead of one after the other afterwards.
 */
export function readEarly(
  local: readonly (keyof LocalAreas)[],
  session: readonly (keyof SessionAreas)[],
): void {
  startEarly('local', local);
  startEarly('session', session);
}

async function read(area: Area, key: string): Promise<unknown> {
  const value = early[area].get(key);
  if (value) {
    early[area].delete(key);
    return value;
  }
  const got = await browser.storage[area].get(key);
  return got[key];
}

async function write(area: Area, key: string, value: unknown): Promise<void> {
  early[area].delete(key);
  await browser.storage[area].set({ [key]: value });
}

export function readLocal<K extends keyof LocalAreas>(key: K): Promise<unknown> {
  return read('local', key);
}

export function writeLocal<K extends keyof LocalAreas>(key: K, value: LocalAreas[K]): Promise<void> {
  return write('local', key, value);
}

export function readSession<K extends keyof SessionAreas>(key: K): Promise<unknown> {
  return read('session', key);
}

export function writeSession<K extends keyof SessionAreas>(key: K, value: SessionAreas[K]): Promise<void> {
  return write('session', key, value);
}
