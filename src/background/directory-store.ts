// The CHATONS directory copy in use: the newest valid one between the snapshot bundled with
// this version and the last one downloaded. A refresh replaces it only with a valid, newer copy;
// whatever happens, the result is recorded for the popup and the options page.
import {
  indexDirectory,
  parseSnapshot,
  rankHosts,
  refreshDirectory,
  type DirectoryIndex,
  type DirectorySnapshot,
  type RankedHost,
} from '../core/directory';
import type { DirectoryOrigin, DirectoryStatus } from '../core/protocol';
import { readLocal, writeLocal } from '../platform/storage';

export const BUNDLED_SNAPSHOT_PATH = 'directory/snapshot.json';

interface Loaded {
  snapshot: DirectorySnapshot;
  index: DirectoryIndex;
  origin: DirectoryOrigin;
  /** The downloaded copy's ETag, and the address it came from: the tag is only ever sent back there. */
  etag?: { value: string; url: string };
}

type LastCheck = DirectoryStatus['lastCheck'];

function parseLastCheck(raw: unknown): LastCheck {
  if (typeof raw !== 'object' || raw === null) return null;
  const { at, result, reason } = raw as Record<string, unknown>;
  if (typeof at !== 'string') return null;
  if (result !== 'updated' && result !== 'not-modified' && result !== 'failed' && result !== 'rejected') return null;
  return typeof reason === 'string' ? { at, result, reason } : { at, result };
}

export class DirectoryStore {
  private loaded: Promise<Loaded> | null = null;
  private refreshing: Promise<DirectoryStatus> | null = null;

  constructor(
    private readonly loadBundled: () => Promise<unknown>,
    private readonly fetchImpl: typeof fetch,
  ) {}

  private load(): Promise<Loaded> {
    this.loaded ??= (async () => {
      const bundledParse = parseSnapshot(await this.loadBundled());
      if (!bundledParse.ok) throw new Error(`Matou: the bundled directory is invalid: ${bundledParse.reason}`);
      const bundled = bundledParse.snapshot;
      const cache = (await readLocal('directoryCache')) as { snapshot?: unknown; etag?: unknown; url?: unknown } | undefined;
      if (cache && typeof cache === 'object') {
        const cached = parseSnapshot(cache.snapshot);
        if (cached.ok && cached.snapshot.builtAt > bundled.builtAt) {
          return {
            snapshot: cached.snapshot,
            index: indexDirectory(cached.snapshot),
            origin: 'downloaded' as const,
            // A cache written before the address was kept has no url: its tag is not sent anywhere.
            ...(typeof cache.etag === 'string' && typeof cache.url === 'string' ? { etag: { value: cache.etag, url: cache.url } } : {}),
          };
        }
      }
      return { snapshot: bundled, index: indexDirectory(bundled), origin: 'bundled' as const };
    })();
    return this.loaded;
  }

  async rank(category: string, region: string): Promise<RankedHost[]> {
    return rankHosts((await this.load()).index, { category, region });
  }

  async status(): Promise<DirectoryStatus> {
    const { snapshot, origin } = await this.load();
    return {
      builtAt: snapshot.builtAt,
      ...(snapshot.changedAt !== undefined ? { changedAt: snapshot.changedAt } : {}),
      origin,
      sourceDescription: snapshot.source.description,
      counts: { organizations: snapshot.counts.organizations, services: snapshot.counts.services },
      lastCheck: parseLastCheck(await readLocal('directoryCheck')),
    };
  }

  /** Downloads from `url` (the one source the user sees in the options). Never throws. */
  refresh(url: string): Promise<DirectoryStatus> {
    this.refreshing ??= this.doRefresh(url).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(url: string): Promise<DirectoryStatus> {
    const current = await this.load();
    const outcome = await refreshDirectory({
      url,
      // Another address (the user changed the source) gets no tag: a full download, and the old
      // server's tag is not handed to the new one.
      ...(current.origin === 'downloaded' && current.etag?.url === url ? { etag: current.etag.value } : {}),
      current: current.snapshot,
      fetch: this.fetchImpl,
    });
    if (outcome.status === 'updated') {
      await writeLocal('directoryCache', { snapshot: outcome.snapshot, etag: outcome.etag, url, downloadedAt: outcome.checkedAt });
      this.loaded = Promise.resolve({
        snapshot: outcome.snapshot,
        index: indexDirectory(outcome.snapshot),
        origin: 'downloaded',
        ...(outcome.etag ? { etag: { value: outcome.etag, url } } : {}),
      });
      await writeLocal('directoryCheck', { at: outcome.checkedAt, result: 'updated' });
    } else {
      await writeLocal('directoryCheck', { at: outcome.checkedAt, result: outcome.status, reason: outcome.reason });
    }
    return this.status();
  }
}
