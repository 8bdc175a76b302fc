// Node-only: crawling a ChatonsInfos federation (federation -> organisations -> services) from
// HTTP(S) or local files. `subs` values resolve relative to the file that holds them. A file
// that cannot be used (unreachable, empty, oversized, not a properties file) is skipped and
// reported; only an unusable federation file stops the crawl.

import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { parseProperties, subsOf, type PropertiesMap } from '../../src/core/directory/properties';
import type {
  CrawledFederation,
  CrawledOrganization,
  CrawledService,
} from '../../src/core/directory/normalize';
import type { DirectoryWarning } from '../../src/core/directory/schema';
import {
  DEFAULT_FETCH_SETTINGS,
  fetchText,
  readTextFile,
  type FetchSettings,
  type LoadResult,
} from './directory-fetch';

export interface CrawlOptions extends Partial<FetchSettings> {
  /** At most this many files are fetched at once. */
  concurrency?: number;
  maxOrganizations?: number;
  maxServicesPerOrganization?: number;
  /** Called for each file read or skipped (progress output). */
  onFile?: (event: { location: string; ok: boolean; reason?: string }) => void;
}

export class FederationError extends Error {}

/** A location: an http(s) URL, or an absolute path on disk inside `root`. */
interface Location {
  kind: 'http' | 'file';
  value: string;
}

const isHttp = (s: string) => /^https?:\/\//i.test(s);

/** Runs at most `limit` tasks at once. */
export function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    if (active >= limit) return;
    const start = queue.shift();
    if (start) start();
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolvePromise, reject) => {
      queue.push(() => {
        active += 1;
        task()
          .then(resolvePromise, reject)
          .finally(() => {
            active -= 1;
            next();
          });
      });
      next();
    });
}

/**
 * Resolves a `subs` value against the file that holds it. A file served over HTTP may only
 * point to http(s) URLs; a local file may also point to a relative path, which must stay
 * inside the federation file's folder (`root`).
 */
export function resolveRef(ref: string, base: Location, root: string): Location | { error: string } {
  if (isHttp(ref)) {
    try {
      const url = new URL(ref);
      if (url.username || url.password) return { error: 'URL with credentials refused' };
      return { kind: 'http', value: url.href };
    } catch {
      return { error: 'not a valid URL' };
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^[a-z]:[\\/]/i.test(ref)) {
    return { error: `scheme ${ref.split(':')[0]?.slice(0, 20)}: refused (only http and https)` };
  }
  if (base.kind === 'http') {
    try {
      const url = new URL(ref, base.value);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: 'only http and https' };
      return { kind: 'http', value: url.href };
    } catch {
      return { error: 'not a valid relative URL' };
    }
  }
  if (isAbsolute(ref)) return { error: 'absolute local path refused' };
  const path = resolve(dirname(base.value), ref);
  if (path !== root && !path.startsWith(root + sep))
    return { error: 'path outside the federation folder refused' };
  return { kind: 'file', value: path };
}

/**
 * Crawls the federation at `federation` (an http(s) URL or a local path).
 * Throws `FederationError` only when the federation file itself cannot be used.
 */
export async function crawlFederation(
  federation: string,
  options: CrawlOptions = {},
): Promise<CrawledFederation> {
  const settings: FetchSettings = {
    timeoutMs: options.timeoutMs ?? DEFAULT_FETCH_SETTINGS.timeoutMs,
    maxBytes: options.maxBytes ?? DEFAULT_FETCH_SETTINGS.maxBytes,
    retries: options.retries ?? DEFAULT_FETCH_SETTINGS.retries,
    retryDelayMs: options.retryDelayMs ?? DEFAULT_FETCH_SETTINGS.retryDelayMs,
    fetch: options.fetch ?? DEFAULT_FETCH_SETTINGS.fetch,
    userAgent: options.userAgent ?? DEFAULT_FETCH_SETTINGS.userAgent,
  };
  const run = limiter(Math.max(1, options.concurrency ?? 4));
  const maxOrganizations = options.maxOrganizations ?? 5000;
  const maxServices = options.maxServicesPerOrganization ?? 500;

  const start: Location = isHttp(federation)
    ? { kind: 'http', value: federation }
    : { kind: 'file', value: resolve(federation) };
  const root = start.kind === 'file' ? dirname(start.value) : '';
  /** How a location is recorded in the snapshot: URL, or path relative to the federation folder. */
  const recorded = (loc: Location) =>
    loc.kind === 'http' ? loc.value : relative(root, loc.value).split(sep).join('/') || '.';

  const problems: DirectoryWarning[] = [];
  const problem = (code: string, message: string, at: string) => {
    problems.push({ code, message, at });
    options.onFile?.({ location: at, ok: false, reason: message });
  };

  const load = (loc: Location): Promise<LoadResult> =>
    run(() =>
      loc.kind === 'http' ? fetchText(loc.value, settings) : readTextFile(loc.value, settings.maxBytes),
    );

  /** Loads and parses one file; null (and a reported problem) when it cannot be used. */
  const read = async (
    loc: Location,
    what: string,
  ): Promise<{ properties: PropertiesMap; base: Location } | null> => {
    const at = recorded(loc);
    const loaded = await load(loc);
    if (!loaded.ok) {
      problem(loaded.code, `${what}: ${loaded.reason}; skipped`, at);
      return null;
    }
    const parsed = parseProperties(loaded.text);
    if (!parsed.ok) {
      problem(parsed.code, `${what}: ${parsed.reason}; skipped`, at);
      return null;
    }
    options.onFile?.({ location: at, ok: true });
    const base: Location = loc.kind === 'http' ? { kind: 'http', value: loaded.location } : loc;
    return { properties: parsed.properties, base };
  };

  const fedLoaded = await (start.kind === 'http'
    ? fetchText(start.value, settings)
    : readTextFile(start.value, settings.maxBytes));
  if (!fedLoaded.ok) throw new FederationError(`federation file ${federation}: ${fedLoaded.reason}`);
  const fedParsed = parseProperties(fedLoaded.text);
  if (!fedParsed.ok) throw new FederationError(`federation file ${federation}: ${fedParsed.reason}`);
  const fedBase: Location = start.kind === 'http' ? { kind: 'http', value: fedLoaded.location } : start;

  const seen = new Set<string>();
  const orgSubs = subsOf(fedParsed.properties);
  if (orgSubs.length > maxOrganizations) {
    problems.push({
      code: 'too-many-organizations',
      message: `the federation lists ${orgSubs.length} organisations; only the first ${maxOrganizations} are read`,
      at: recorded(fedBase),
    });
  }
  const organizations = await Promise.all(
    orgSubs.slice(0, maxOrganizations).map(async ({ id, ref }): Promise<CrawledOrganization | null> => {
      const loc = resolveRef(ref, fedBase, root);
      if ('error' in loc) {
        problem('refused', `organisation ${id}: ${loc.error}; skipped`, ref.slice(0, 300));
        return null;
      }
      if (seen.has(loc.value)) {
        problem('duplicate', `organisation ${id}: file already listed; skipped`, recorded(loc));
        return null;
      }
      seen.add(loc.value);
      const org = await read(loc, `organisation ${id}`);
      if (!org) return null;
      const serviceSubs = subsOf(org.properties);
      if (serviceSubs.length > maxServices) {
        problems.push({
          code: 'too-many-services',
          message: `organisation ${id} lists ${serviceSubs.length} services; only the first ${maxServices} are read`,
          at: recorded(loc),
        });
      }
      const services = await Promise.all(
        serviceSubs.slice(0, maxServices).map(async (sub): Promise<CrawledService | null> => {
          const sloc = resolveRef(sub.ref, org.base, root);
          if ('error' in sloc) {
            problem('refused', `service ${id}/${sub.id}: ${sloc.error}; skipped`, sub.ref.slice(0, 300));
            return null;
          }
          if (seen.has(sloc.value)) {
            problem('duplicate', `service ${id}/${sub.id}: file already listed; skipped`, recorded(sloc));
            return null;
          }
          seen.add(sloc.value);
          const service = await read(sloc, `service ${id}/${sub.id}`);
          return service ? { id: sub.id, from: recorded(sloc), properties: service.properties } : null;
        }),
      );
      return {
        id,
        from: recorded(loc),
        properties: org.properties,
        services: services.filter((s): s is CrawledService => s !== null),
      };
    }),
  );

  problems.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '') || a.message.localeCompare(b.message));
  return {
    kind: start.kind,
    federation,
    properties: fedParsed.properties,
    organizations: organizations.filter((o): o is CrawledOrganization => o !== null),
    problems,
  };
}
