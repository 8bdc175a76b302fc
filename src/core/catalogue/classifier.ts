// URL -> service, compiled once from the catalogue into lookups.
//
// Order of the lookups, most specific first:
//   1. the exact host (`docs.google.com`), then
//   2. each parent domain that has a subdomain rule (`a.b.zoom.us` -> `b.zoom.us` -> `zoom.us`), then
//   3. for brands with country-domain rules only, the same two lookups on the host with its
//      country-code public suffix taken off (`maps.google.co.uk` -> `maps.google`).
// Within one host entry, the longest matching path prefix wins, then the rule without paths.
// A host entry whose path rules do not match and has no rule without paths lets the lookup go
// on to the next, less specific, entry.
//
// The hot path is the URL parser (url.ts) and one to four Map lookups; no rule is scanned and no
// regular expression runs.
import type { Catalogue, Classification } from './types';
import { parseWebUrl, type WebLocation } from './url';
import { splitCountryHost, withoutSuffix, type CountrySplit } from './country-domains';

export interface Classifier {
  /** The service a URL belongs to, or `null`. Never throws, whatever it is given. */
  classify(url: string): Classification | null;
  /** The same, for a host and path already read (e.g. from a `URL` object). */
  classifyLocation(location: WebLocation): Classification | null;
}

interface Hit {
  service: string;
  category: string;
  owner: string;
}

interface PathRule {
  /** Lower case, starts with "/", no trailing "/" (except the root, which is refused upstream). */
  prefix: string;
  hit: Hit;
}

interface HostEntry {
  any: Hit | null;
  /** Longest prefix first. */
  paths: PathRule[] | null;
}

/** Country hosts whose public-suffix split is remembered (a bounded cache, emptied when full). */
const SPLIT_CACHE_SIZE = 256;

/** Lower case, without a trailing dot: the form hosts are compared in. */
export function normaliseHost(host: string): string {
  const lower = host.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** Lower case, without a trailing slash: the form path prefixes are compared in. */
export function normalisePathPrefix(path: string): string {
  const lower = path.toLowerCase();
  return lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
}

/** `maps.google.com` -> `google.com`; `zoom.us` -> `zoom.us`; `localhost` -> `localhost`. */
function lastTwoLabels(host: string): string {
  // A hand loop: String#lastIndexOf costs several times more on V8 for one character.
  let dots = 0;
  for (let i = host.length - 1; i >= 0; i--) {
    if (host.charCodeAt(i) === 46 && ++dots === 2) return host.slice(i + 1);
  }
  return host;
}

/** Whether `path` (already lower case) is `prefix` or below it: `/events` holds `/events/1`, not `/eventsx`. */
function pathUnder(path: string, prefix: string): boolean {
  return path.startsWith(prefix) && (path.length === prefix.length || path.charCodeAt(prefix.length) === 47);
}

function addRule(
  map: Map<string, HostEntry>,
  key: string,
  paths: readonly string[] | undefined,
  hit: Hit,
): void {
  let entry = map.get(key);
  if (!entry) {
    entry = { any: null, paths: null };
    map.set(key, entry);
  }
  if (!paths || paths.length === 0) {
    entry.any ??= hit; // duplicates are reported by validateCatalogue; the first one stays
    return;
  }
  entry.paths ??= [];
  for (const path of paths) {
    const prefix = normalisePathPrefix(path);
    if (!entry.paths.some((rule) => rule.prefix === prefix)) entry.paths.push({ prefix, hit });
  }
}

function sortPaths(map: Map<string, HostEntry>): void {
  for (const entry of map.values()) entry.paths?.sort((a, b) => b.prefix.length - a.prefix.length);
}

/** One host's rules in the tables: the host, the hit without paths (-1: none), `[prefix, hit]` longest first. */
export type PackedEntry = [host: string, any: number, paths?: Array<[prefix: string, hit: number]>];

/**
 * The catalogue's match rules compiled into lookup tables, as plain and compact data (each hit
 * written once, entries pointing at it): the build computes them (scripts/lib/classifier-tables-
 * plugin.ts) so that the background worker does no compiling when it starts, and
 * `classifierFromTables` turns them into the classifier.
 */
export interface ClassifierTables {
  /** Each distinct hit once: `[service, category, owner]`. */
  hits: Array<[service: string, category: string, owner: string]>;
  exact: PackedEntry[];
  sub: PackedEntry[];
  familyExact: PackedEntry[];
  familySub: PackedEntry[];
  /** Registrable labels of the country-domain rules (`google`). */
  brands: string[];
}

/** Compiles the catalogue's match rules into lookup tables. */
export function compileClassifierTables(catalogue: Pick<Catalogue, 'services'>): ClassifierTables {
  const exact = new Map<string, HostEntry>();
  const sub = new Map<string, HostEntry>();
  const familyExact = new Map<string, HostEntry>();
  const familySub = new Map<string, HostEntry>();
  const brands = new Set<string>();
  const hits: Hit[] = [];

  for (const service of catalogue.services) {
    const hit: Hit = { service: service.id, category: service.category, owner: service.owner };
    hits.push(hit);
    for (const rule of service.match) {
      const host = normaliseHost(rule.host);
      addRule(rule.subdomains ? sub : exact, host, rule.paths, hit);
      if (rule.countryDomains) {
        const parts = withoutSuffix(host);
        if (!parts) continue;
        addRule(rule.subdomains ? familySub : familyExact, parts.key, rule.paths, hit);
        brands.add(parts.brand);
      }
    }
  }
  for (const map of [exact, sub, familyExact, familySub]) sortPaths(map);
  const index = new Map(hits.map((hit, i) => [hit, i]));
  const pack = (map: Map<string, HostEntry>): PackedEntry[] =>
    [...map].map(([host, entry]) => {
      const any = entry.any ? index.get(entry.any)! : -1;
      if (!entry.paths) return [host, any];
      return [host, any, entry.paths.map((rule) => [rule.prefix, index.get(rule.hit)!] as [string, number])];
    });
  return {
    hits: hits.map((hit) => [hit.service, hit.category, hit.owner]),
    exact: pack(exact),
    sub: pack(sub),
    familyExact: pack(familyExact),
    familySub: pack(familySub),
    brands: [...brands],
  };
}

/** Compiles the catalogue's match rules into lookups. Compile once, classify many times. */
export function compileClassifier(catalogue: Catalogue): Classifier {
  return classifierFromTables(compileClassifierTables(catalogue));
}

/** The classifier over tables compiled beforehand (by compileClassifierTables, here or at build time). */
export function classifierFromTables(tables: ClassifierTables): Classifier {
  const hits = tables.hits.map(([service, category, owner]): Hit => ({ service, category, owner }));
  const unpack = (entries: readonly PackedEntry[]): Map<string, HostEntry> =>
    new Map(
      entries.map(([host, any, paths]) => [
        host,
        {
          any: hits[any] ?? null,
          paths: paths ? paths.map(([prefix, hit]) => ({ prefix, hit: hits[hit]! })) : null,
        },
      ]),
    );
  const exact = unpack(tables.exact);
  const sub = unpack(tables.sub);
  const familyExact = unpack(tables.familyExact);
  const familySub = unpack(tables.familySub);
  // The last two labels of every rule host ("google.com", "zoom.us", "co.uk"): a host whose
  // last two labels are not among them matches no exact or subdomain rule, in one lookup.
  const tails = new Set<string>();
  for (const map of [exact, sub]) for (const host of map.keys()) tails.add(lastTwoLabels(host));
  // "google." and ".google.": cheap tests that keep the public-suffix parse off most hosts.
  const brandTests = tables.brands.map((brand) => [`${brand}.`, `.${brand}.`] as const);
  // The public-suffix split of the few country hosts people visit (www.google.fr…), remembered.
  const splitCache = new Map<string, CountrySplit | null>();

  function entryOutcome(entry: HostEntry, path: string): Hit | null {
    if (entry.paths) {
      const lower = path.toLowerCase();
      for (const rule of entry.paths) if (pathUnder(lower, rule.prefix)) return rule.hit;
    }
    return entry.any;
  }

  function walk(
    exactMap: Map<string, HostEntry>,
    subMap: Map<string, HostEntry>,
    host: string,
    path: string,
  ): Hit | null {
    let entry = exactMap.get(host);
    if (entry) {
      const outcome = entryOutcome(entry, path);
      if (outcome !== null) return outcome;
    }
    let domain = host;
    for (;;) {
      entry = subMap.get(domain);
      if (entry) {
        const outcome = entryOutcome(entry, path);
        if (outcome !== null) return outcome;
      }
      const dot = domain.indexOf('.');
      if (dot < 0) return null;
      domain = domain.slice(dot + 1);
    }
  }

  function lookup(host: string, path: string): Hit | null {
    if (tails.has(lastTwoLabels(host))) {
      const outcome = walk(exact, sub, host, path);
      if (outcome !== null) return outcome;
    }
    // Country families only live under a country-code top-level domain (two letters).
    const n = host.length;
    if (brandTests.length === 0 || n < 4 || host.charCodeAt(n - 3) !== 46) return null;
    for (const [brandDot, dotBrandDot] of brandTests) {
      if (!host.startsWith(brandDot) && !host.includes(dotBrandDot)) continue;
      let split = splitCache.get(host);
      if (split === undefined) {
        split = splitCountryHost(host);
        if (splitCache.size >= SPLIT_CACHE_SIZE) splitCache.clear();
        splitCache.set(host, split);
      }
      if (!split) return null;
      return walk(familyExact, familySub, split.key, path);
    }
    return null;
  }

  function classifyLocation(location: WebLocation): Classification | null {
    try {
      const host = normaliseHost(location.host);
      const hit = lookup(host, location.path);
      return hit === null ? null : { service: hit.service, category: hit.category, owner: hit.owner, host };
    } catch {
      return null;
    }
  }

  function classify(url: string): Classification | null {
    const location = parseWebUrl(url);
    return location ? classifyLocation(location) : null;
  }

  return { classify, classifyLocation };
}
