// What Matou detected in each tab: kept in session storage so that a popup opened after the
// worker was stopped still knows, and forgotten when the tab closes. Only the classification
// is kept, never the page's address.
import type { Classification } from '../core/catalogue/types';
import { readSession, writeSession } from '../platform/storage';

type TabMap = Map<number, Classification>;

function parseStored(raw: unknown): TabMap {
  const map: TabMap = new Map();
  if (typeof raw !== 'object' || raw === null) return map;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const tabId = Number(key);
    if (!Number.isInteger(tabId) || typeof value !== 'object' || value === null) continue;
    const { service, category, owner, host } = value as Record<string, unknown>;
    if ([service, category, owner, host].every((field) => typeof field === 'string')) {
      map.set(tabId, { service, category, owner, host } as Classification);
    }
  }
  return map;
}

export class TabStates {
  private loaded: Promise<TabMap> | null = null;
  private writing: Promise<void> = Promise.resolve();

  private map(): Promise<TabMap> {
    this.loaded ??= readSession('tabs').then(parseStored);
    return this.loaded;
  }

  async get(tabId: number): Promise<Classification | null> {
    return (await this.map()).get(tabId) ?? null;
  }

  async set(tabId: number, state: Classification | null): Promise<void> {
    const map = await this.map();
    const before = map.get(tabId);
    if (state === null ? before === undefined : sameClassification(before, state)) return;
    if (state === null) map.delete(tabId);
    else map.set(tabId, state);
    await this.persist(map);
  }

  async entries(): Promise<Array<[number, Classification]>> {
    return [...(await this.map())];
  }

  /** Drops states of tabs that no longer exist (e.g. closed while the worker was stopped). */
  async retain(alive: Set<number>): Promise<void> {
    const map = await this.map();
    let changed = false;
    for (const tabId of map.keys()) {
      if (!alive.has(tabId)) {
        map.delete(tabId);
        changed = true;
      }
    }
    if (changed) await this.persist(map);
  }

  private persist(map: TabMap): Promise<void> {
    // Writes are chained so that the last state always lands last.
    this.writing = this.writing.then(() => writeSession('tabs', Object.fromEntries(map)));
    return this.writing;
  }
}

function sameClassification(a: Classification | undefined, b: Classification): boolean {
  return a !== undefined && a.service === b.service && a.host === b.host && a.category === b.category;
}
