// The CHATONS directory copy in use: the newest valid one between the snapshot bundled with
// this version and the last one downloaded. A refresh replaces it only with a valid, newer copy;
// whatever happens, the result is recorded for the popup and the options page.
// The directory's own modules, not its index: the index also brings the ChatonsInfos parser
// (dot-properties, kept whole by the bundler), which the extension never runs.
import { indexDirectory, rankHosts, type DirectoryIndex, type RankedHost } from '../core/directory/rank';
import { refreshDirectory } from '../core/directory/refresh';
import type { DirectorySnapshot } from '../core/directory/schema';
import { parseSnapshot } from '../core/directory/snapshot';
import { nearHostCount } from '../core/badge';
import type { DirectoryOrigin, DirectoryStatus } from '../core/protocol';
import { uiLanguage } from '../platform/i18n';
import { readLocal, readSession, writeLocal, writeSession } from '../platform/storage';

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
  if (result !== 'updated' && result !== 'not-modified' && result !== 'failed' && result !== 'rejected')
    return null;
  return typeof reason === 'string' ? { at, result, reason } : { at, result };
}

interface NearCounts {
  region: string;
  byNeed: Record<string, number>;
}

const NO_COUNTS: NearCounts = { region: '', byNeed: {} };

function parseNearCounts(raw: unknown): NearCounts {
  if (typeof raw !== 'object' || raw === null) return NO_COUNTS;
  const { region, byNeed } = raw as Record<string, unknown>;
  if (typeof region !== 'string' || typeof byNeed !== 'object' || byNeed === null) return NO_COUNTS;
  const counts = Object.entries(byNeed).filter(
    (entry): entry is [string, number] => Number.isInteger(entry[1]) && (entry[1] as number) >= 0,
  );
  return { region, byNeed: Object.fromEntries(counts) };
}

export class DirectoryStore {
  private loaded: Promise<Loaded> | null = null;
  private counts: Promise<NearCounts> | null = null;
  private refreshing: Promise<DirectoryStatus> | null = null;

  constructor(
    private readonly loadBundled: () => Promise<unknown>,
    private readonly fetchImpl: typeof fetch,
  ) {}

  private load(): Promise<Loaded> {
    this.loaded ??= (async () => {
      const bundledParse = parseSnapshot(await this.loadBundled());
      if (!bundledParse.ok)
        throw new Error(`Matou: the bundled directory is invalid: ${bundledParse.reason}`);
      const bundled = bundledParse.snapshot;
      const cache = (await readLocal('directoryCache')) as
        { snapshot?: unknown; etag?: unknown; url?: unknown } | undefined;
      if (cache && typeof cache === 'object') {
        const cached = parseSnapshot(cache.snapshot);
        if (cached.ok && cached.snapshot.builtAt > bundled.builtAt) {
          return {
            snapshot: cached.snapshot,
            index: indexDirectory(cached.snapshot),
            origin: 'downloaded' as const,
            // A cache written before the address was kept has no url: its tag is not sent anywhere.
            ...(typeof cache.etag === 'string' && typeof cache.url === 'string'
              ? { etag: { value: cache.etag, url: cache.url } }
              : {}),
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

  /**
   * How many hosts the badge counts as near for a need (all but the `elsewhere` group). Kept per
   * need for the last region in session storage, so that a worker woken by a page draws its badge
   * without loading and validating the directory again; forgotten when the copy changes.
   */
  async nearCount(category: string, region: string): Promise<number> {
    this.counts ??= readSession('nearCounts').then(parseNearCounts);
    const counts = await this.counts;
    const known = counts.region === region ? counts.byNeed[category] : undefined;
    if (known !== undefined) return known;
    const count = nearHostCount(await this.rank(category, region));
    const latest = await this.counts;
    const next: NearCounts = {
      region,
      byNeed: { ...(latest.region === region ? latest.byNeed : {}), [category]: count },
    };
    this.counts = Promise.resolve(next);
    // The badge does not wait for the copy in session storage, only a later worker needs it.
    writeSession('nearCounts', next).catch((error: unknown) =>
      console.debug('Matou: near counts not kept for the next worker', error),
    );
    return count;
  }

  async status(): Promise<DirectoryStatus> {
    const { snapshot, origin } = await this.load();
    return {
      builtAt: snapshot.builtAt,
      ...(snapshot.changedAt !== undefined ? { changedAt: snapshot.changedAt } : {}),
      origin,
      // In the user's language when the copy has it (copies built before 2026-12-02 have one sentence).
      sourceDescription: snapshot.source.descriptions?.[uiLanguage()] ?? snapshot.source.description,
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
      await writeLocal('directoryCache', {
        snapshot: outcome.snapshot,
        etag: outcome.etag,
        url,
        downloadedAt: outcome.checkedAt,
      });
      this.loaded = Promise.resolve({
        snapshot: outcome.snapshot,
        index: indexDirectory(outcome.snapshot),
        origin: 'downloaded',
        ...(outcome.etag ? { etag: { value: outcome.etag, url } } : {}),
      });
      this.counts = Promise.resolve(NO_COUNTS);
      await writeSession('nearCounts', NO_COUNTS);
      await writeLocal('directoryCheck', { at: outcome.checkedAt, result: 'updated' });
    } else {
      await writeLocal('directoryCheck', {
        at: outcome.checkedAt,
        result: outcome.status,
        reason: outcome.reason,
      });
    }
    return this.status();
  }
}
