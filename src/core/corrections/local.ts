// Local corrections: what the user told Matou on this device, applied at once and kept under
// their own storage key (never touched by a directory refresh or an update).
// - an exclusion: "this page is not <service>", for a host or a host and a path prefix;
// - a user host: "a host I know" for a need (name, address, access conditions).
// Reading never fails: each entry is checked on its own, a bad one is dropped and reported,
// the good ones are kept; older layouts are migrated forward. Pure: no browser API.
import { parseWebUrl } from '../catalogue/url';
import type { Classification } from '../catalogue/types';
import { REGISTRATIONS, type Registration } from '../directory/schema';
import { cleanText, httpUrl } from '../text';
import { isCatalogueId, isObject, migrateRecord, normaliseHostname, type Migrations } from '../values';

export const CORRECTIONS_VERSION = 1;

export const MAX_EXCLUSIONS = 500;
export const MAX_USER_HOSTS = 200;
export const MAX_HOST_NAME = 120;
export const MAX_PLACE = 120;
export const MAX_PATH_PREFIX = 512;
export const MAX_HOST_URL = 2048;

/** The access conditions a user may give a host are the directory's own (REGISTRATIONS). */

export interface Exclusion {
  /** Derived from the rest (`not:gmail@mail.google.com/mail`): the same correction twice is one. */
  id: string;
  /** The catalogue service this page is not. */
  service: string;
  host: string;
  /** A path prefix (whole segments, any case: `/maps` holds `/maps/place`, not `/mapsx`); absent: the whole host. */
  path?: string;
  /** ISO date-time. */
  addedAt: string;
}

export interface UserHost {
  /** Derived from the need and the address (`host:email@https://mail.example.org/`). */
  id: string;
  /** A category id of the catalogue (the need). */
  category: string;
  name: string;
  /** An http(s) address. */
  url: string;
  registration: Registration;
  /** Free text, as the user wrote it ("Lyon"). */
  place?: string;
  addedAt: string;
}

export interface LocalCorrections {
  version: typeof CORRECTIONS_VERSION;
  exclusions: Exclusion[];
  userHosts: UserHost[];
}

export interface CorrectionsReadResult {
  corrections: LocalCorrections;
  /** What was present but unusable and dropped: `corrections`, `corrections.version`, `corrections.exclusions[]`… */
  dropped: string[];
}

export const emptyCorrections = (): LocalCorrections => ({
  version: CORRECTIONS_VERSION,
  exclusions: [],
  userHosts: [],
});

/** Text shown to the user (core/text.ts's cleaning), or null when empty or longer than `max` characters. */
export function cleanLine(value: unknown, max: number): string | null {
  // Cleaned to one more than allowed: a longer text comes back cut, and is refused, not shortened.
  const text = cleanText(value, max + 1);
  return text !== undefined && Array.from(text).length <= max ? text : null;
}

/** A path prefix as exclusions keep it: lower case, starting with "/", no query or fragment, not "/". */
export function normalisePath(value: unknown): string | null {
  if (
    typeof value !== 'string' ||
    value.length > MAX_PATH_PREFIX ||
    !value.startsWith('/') ||
    /[?#\s]/.test(value)
  )
    return null;
  // As the classifier compares path prefixes (without importing it: the options page stays small).
  const lower = value.toLowerCase();
  const path = lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
  return path === '/' ? null : path;
}

/** An http(s) address (a bare host name reads as https), as the URL parser writes it; null for anything else. */
export function normaliseHostUrl(value: unknown): string | null {
  const url = httpUrl(value);
  return url !== undefined && url.length <= MAX_HOST_URL && new URL(url).hostname.includes('.') ? url : null;
}

export const exclusionId = (service: string, host: string, path?: string): string =>
  `not:${service}@${host}${path ?? ''}`;
export const userHostId = (category: string, url: string): string => `host:${category}@${url}`;

const isDate = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 40 && Number.isFinite(Date.parse(value));

/** One exclusion, checked; null when unusable. */
export function parseExclusion(
  raw: unknown,
  now: () => string = () => new Date().toISOString(),
): Exclusion | null {
  if (!isObject(raw)) return null;
  const service = isCatalogueId(raw.service) ? raw.service : null;
  const host = normaliseHostname(raw.host);
  if (!service || !host) return null;
  let path: string | undefined;
  if (raw.path !== undefined && raw.path !== null && raw.path !== '' && raw.path !== '/') {
    const parsed = normalisePath(raw.path);
    if (!parsed) return null;
    path = parsed;
  }
  return {
    id: exclusionId(service, host, path),
    service,
    host,
    ...(path ? { path } : {}),
    addedAt: isDate(raw.addedAt) ? raw.addedAt : now(),
  };
}

/** One user host, checked; null when unusable. `isCategory` says which needs exist. */
export function parseUserHost(
  raw: unknown,
  isCategory: (id: string) => boolean = isCatalogueId,
  now: () => string = () => new Date().toISOString(),
): UserHost | null {
  if (!isObject(raw)) return null;
  const category = isCatalogueId(raw.category) && isCategory(raw.category) ? raw.category : null;
  const name = cleanLine(raw.name, MAX_HOST_NAME);
  const url = normaliseHostUrl(raw.url);
  const registration = (REGISTRATIONS as readonly unknown[]).includes(raw.registration)
    ? (raw.registration as Registration)
    : raw.registration === undefined
      ? 'unknown'
      : null;
  if (!category || !name || !url || !registration) return null;
  let place: string | undefined;
  if (raw.place !== undefined && raw.place !== null && raw.place !== '') {
    const parsed = cleanLine(raw.place, MAX_PLACE);
    if (!parsed) return null;
    place = parsed;
  }
  return {
    id: userHostId(category, url),
    category,
    name,
    url,
    registration,
    ...(place ? { place } : {}),
    addedAt: isDate(raw.addedAt) ? raw.addedAt : now(),
  };
}

/** Earlier layouts, upgraded one step at a time. */
const MIGRATIONS: Migrations = {
  // Version 0: a record without a version number (written by hand, or by a pre-release build);
  // same lists, nothing to rename.
  0: (old) => ({ ...old, version: 1 }),
};

/** Reads a list field entry by entry, keeping the good ones, deduplicated by id, first one wins. */
function readList<T extends { id: string }>(
  record: Record<string, unknown>,
  field: 'exclusions' | 'userHosts',
  parse: (raw: unknown) => T | null,
  max: number,
  dropped: string[],
): T[] {
  if (!(field in record) || record[field] === undefined) return [];
  const list = record[field];
  if (!Array.isArray(list)) {
    dropped.push(`corrections.${field}`);
    return [];
  }
  const kept = new Map<string, T>();
  let bad = false;
  for (const item of list) {
    const entry = parse(item);
    if (!entry) bad = true;
    else if (!kept.has(entry.id)) kept.set(entry.id, entry);
  }
  if (kept.size > max) bad = true;
  if (bad) dropped.push(`corrections.${field}[]`);
  return [...kept.values()].slice(0, max);
}

/**
 * Turns whatever storage (or an imported file) holds into valid corrections. Never throws.
 * `isCategory` checks user hosts' needs against the catalogue.
 */
export function readCorrections(raw: unknown, isCategory?: (id: string) => boolean): CorrectionsReadResult {
  const corrections = emptyCorrections();
  const dropped: string[] = [];
  if (raw === undefined || raw === null) return { corrections, dropped };
  if (!isObject(raw)) return { corrections, dropped: ['corrections'] };
  // Written by a newer Matou: what still reads is kept.
  const record = migrateRecord(raw, CORRECTIONS_VERSION, MIGRATIONS, dropped, 'corrections.version');
  corrections.exclusions = readList(
    record,
    'exclusions',
    (item) => parseExclusion(item),
    MAX_EXCLUSIONS,
    dropped,
  );
  corrections.userHosts = readList(
    record,
    'userHosts',
    (item) => parseUserHost(item, isCategory),
    MAX_USER_HOSTS,
    dropped,
  );
  return { corrections, dropped };
}

/** Both lists together, nothing lost: entries of `incoming` that `current` lacks are added after it. */
export function mergeCorrections(current: LocalCorrections, incoming: LocalCorrections): LocalCorrections {
  const union = <T extends { id: string }>(a: T[], b: T[], max: number): T[] => {
    const ids = new Set(a.map((item) => item.id));
    return [...a, ...b.filter((item) => !ids.has(item.id))].slice(0, max);
  };
  return {
    version: CORRECTIONS_VERSION,
    exclusions: union(current.exclusions, incoming.exclusions, MAX_EXCLUSIONS),
    userHosts: union(current.userHosts, incoming.userHosts, MAX_USER_HOSTS),
  };
}

/** Whether `path` (already lower case) is `prefix` or below it, on whole segments. */
function pathUnder(path: string, prefix: string): boolean {
  return path.startsWith(prefix) && (path.length === prefix.length || path.charCodeAt(prefix.length) === 47);
}

/**
 * The exclusion that silences this classification, if any. With a URL, path exclusions are
 * checked too; without one (a tab's remembered classification), only whole-host ones.
 */
export function findExclusion(
  corrections: LocalCorrections,
  found: Classification,
  url?: string,
): Exclusion | null {
  let path: string | null = null;
  for (const exclusion of corrections.exclusions) {
    if (exclusion.service !== found.service || exclusion.host !== found.host) continue;
    if (!exclusion.path) return exclusion;
    if (url === undefined) continue;
    path ??= parseWebUrl(url)?.path.toLowerCase() ?? '';
    if (pathUnder(path, exclusion.path)) return exclusion;
  }
  return null;
}

/**
 * What "this page is not <service>" excludes for a page: the whole host when the service owns
 * it (its root is the same service), otherwise the page's first path segment (`/maps` on
 * www.google.com, `/document` on docs.google.com), so that the host's other services stay.
 */
export function exclusionFor(
  url: string,
  found: Classification,
  classify: (url: string) => Classification | null,
  now: () => string = () => new Date().toISOString(),
): Exclusion {
  const location = parseWebUrl(url);
  const root = classify(`https://${found.host}/`);
  const segment = location?.path.toLowerCase().split('/')[1] ?? '';
  const path =
    root?.service === found.service || segment === ''
      ? undefined
      : (normalisePath(`/${segment}`) ?? undefined);
  return {
    id: exclusionId(found.service, found.host, path),
    service: found.service,
    host: found.host,
    ...(path ? { path } : {}),
    addedAt: now(),
  };
}

// ---- edits: each returns the new corrections, the old ones untouched ----------------

/** Adds an exclusion, replacing one with the same id (the same service, host and path). */
export function withExclusion(corrections: LocalCorrections, exclusion: Exclusion): LocalCorrections {
  return {
    ...corrections,
    exclusions: [...corrections.exclusions.filter((e) => e.id !== exclusion.id), exclusion],
  };
}

/** Adds a user host, replacing one with the same id (the same need and address). */
export function withUserHost(corrections: LocalCorrections, host: UserHost): LocalCorrections {
  return { ...corrections, userHosts: [...corrections.userHosts.filter((h) => h.id !== host.id), host] };
}

/** Removes the exclusion or user host with this id, if any. */
export function withoutCorrection(corrections: LocalCorrections, id: string): LocalCorrections {
  return {
    ...corrections,
    exclusions: corrections.exclusions.filter((e) => e.id !== id),
    userHosts: corrections.userHosts.filter((h) => h.id !== id),
  };
}

/**
 * The corrections of an imported file, each entry checked against the catalogue, and the codes
 * of what was left out. A file without corrections (older exports) has none and no problem.
 */
export function readImportedCorrections(
  file: unknown,
  isCategory: (id: string) => boolean,
  isService: (id: string) => boolean,
): { corrections: LocalCorrections; problems: string[] } {
  if (!isObject(file) || !('corrections' in file)) return { corrections: emptyCorrections(), problems: [] };
  const { corrections, dropped } = readCorrections(file.corrections, isCategory);
  const exclusions = corrections.exclusions.filter((e) => isService(e.service));
  const problems = [...dropped];
  if (exclusions.length < corrections.exclusions.length && !problems.includes('corrections.exclusions[]'))
    problems.push('corrections.exclusions[]');
  return { corrections: { ...corrections, exclusions }, problems };
}
