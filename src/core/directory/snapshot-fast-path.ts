// A quick yes for the common case: a snapshot that is valid as it is, with no key the schema
// does not know. Reading 10× the federation through valibot alone takes most of the time
// budget; this plain walk answers in a fraction of it. It is only ever a shortcut: when it says
// no (an unknown key, a bad value, anything unexpected), `parseSnapshot` asks `snapshotSchema`,
// which stays the one definition. A property test (snapshot-fast-path.test.ts) checks that it
// never says yes to anything the schema refuses or would change.

import {
  CATEGORY_ID_PATTERN,
  COUNTRY_CODES,
  DEPARTEMENT_CODES,
  FUNDING_KINDS,
  HOST_PROVIDER_TYPES,
  ISO_DATE_PATTERN,
  LIMITS,
  ORGANIZATION_TYPES,
  REGION_CODES,
  REGISTRATIONS,
  SNAPSHOT_SCHEMA_VERSION,
  UTC_DATE_TIME_PATTERN,
  type DirectorySnapshot,
} from './schema';
import { ID_PATTERN, MAX_URL_LENGTH, isCleanText, isHttpUrl, isSourceRef } from './text';

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
const isText = (x: unknown, max: number) =>
  typeof x === 'string' && x.length >= 1 && x.length <= max && isCleanText(x);
const isId = (x: unknown) => typeof x === 'string' && ID_PATTERN.test(x);
const isUrl = (x: unknown) => typeof x === 'string' && isHttpUrl(x);
const isDay = (x: unknown) =>
  typeof x === 'string' && ISO_DATE_PATTERN.test(x) && Number.isFinite(Date.parse(x));
const isUtc = (x: unknown) =>
  typeof x === 'string' && UTC_DATE_TIME_PATTERN.test(x) && Number.isFinite(Date.parse(x));
const isCount = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isNum = (x: unknown, limit: number) =>
  typeof x === 'number' && !Number.isNaN(x) && x >= -limit && x <= limit;
const inList = (list: readonly string[]) => {
  const set = new Set(list);
  return (x: unknown) => typeof x === 'string' && set.has(x);
};
const inSet = (set: ReadonlySet<string>) => (x: unknown) => typeof x === 'string' && set.has(x);

type Check = (x: unknown) => boolean;

/** Every key of `o` is known, its value passes, and every required key is there. */
function fits(o: unknown, checks: Readonly<Record<string, Check>>, required: readonly string[]): boolean {
  if (!isObj(o)) return false;
  for (const key in o) {
    const check = checks[key];
    if (check === undefined || !Object.hasOwn(checks, key) || !check(o[key])) return false;
  }
  for (const key of required) if (!Object.hasOwn(o, key)) return false;
  return true;
}

const list =
  (item: Check, max: number, min = 0): Check =>
  (x) =>
    Array.isArray(x) && x.length >= min && x.length <= max && x.every(item);

const isCountry = inSet(COUNTRY_CODES);
const isProvider = inList(HOST_PROVIDER_TYPES);

const PLACE: Record<string, Check> = {
  countryCode: isCountry,
  departement: inSet(DEPARTEMENT_CODES),
  region: inSet(REGION_CODES),
  city: (x) => isText(x, LIMITS.city),
  latitude: (x) => isNum(x, 90),
  longitude: (x) => isNum(x, 180),
};

const nonEmpty =
  (checks: Record<string, Check>): Check =>
  (x) =>
    fits(x, checks, []) && Object.keys(x as Obj).length > 0;

const SERVICE_FACTS = nonEmpty({
  startDate: isDay,
  description: (x) => isText(x, LIMITS.factDescription),
  legalUrl: isUrl,
  guideUrl: isUrl,
  contactUrl: isUrl,
  hostProvider: isProvider,
  hostCountry: isCountry,
});

const FUNDING: Check = (x) => fits(x, { kind: inList(FUNDING_KINDS), url: isUrl }, ['kind', 'url']);

const ORGANIZATION_FACTS = nonEmpty({
  type: inList(ORGANIZATION_TYPES),
  startDate: isDay,
  memberSince: isDay,
  description: (x) => isText(x, LIMITS.factDescription),
  contactUrl: isUrl,
  legalUrl: isUrl,
  guideUrl: isUrl,
  funding: list(FUNDING, LIMITS.fundingLinks, 1),
  hostProvider: isProvider,
  hostCountry: isCountry,
});

const SERVICE: Record<string, Check> = {
  id: isId,
  name: (x) => isText(x, LIMITS.name),
  url: isUrl,
  software: (x) => fits(x, { id: isId, name: (n) => isText(n, LIMITS.softwareName) }, []),
  categories: list((c) => typeof c === 'string' && CATEGORY_ID_PATTERN.test(c), LIMITS.categoriesPerService),
  categoryBasis: inList(['software', 'name']),
  registration: inList(REGISTRATIONS),
  load: inList(['open', 'full', 'unknown']),
  endDate: isDay,
  facts: SERVICE_FACTS,
  from: (x) => typeof x === 'string' && isSourceRef(x),
};
const SERVICE_REQUIRED = ['id', 'name', 'software', 'categories', 'registration', 'load', 'from'];

const ORGANIZATION: Record<string, Check> = {
  id: isId,
  name: (x) => isText(x, LIMITS.name),
  website: isUrl,
  place: (x) => fits(x, PLACE, []),
  endDate: isDay,
  facts: ORGANIZATION_FACTS,
  from: (x) => typeof x === 'string' && isSourceRef(x),
  services: list((s) => fits(s, SERVICE, SERVICE_REQUIRED), LIMITS.servicesPerOrganization),
};
const ORGANIZATION_REQUIRED = ['id', 'name', 'place', 'from', 'services'];

const SOURCE: Check = (x) =>
  fits(
    x,
    {
      kind: inList(['http', 'file']),
      federation: (f) =>
        typeof f === 'string' && f.length >= 1 && f.length <= MAX_URL_LENGTH && isCleanText(f),
      description: (d) => isText(d, LIMITS.description),
      datetime: (d) => isText(d, 64),
    },
    ['kind', 'federation', 'description'],
  );

const COUNT_KEYS = [
  'organizations',
  'services',
  'uncategorized',
  'withoutUrl',
  'excludedOrganizations',
  'excludedServices',
  'unknownSoftware',
  'skippedFiles',
  'warnings',
];
const COUNTS: Check = (x) =>
  fits(
    x,
    {
      ...Object.fromEntries(COUNT_KEYS.map((k) => [k, isCount])),
      categories: (c) =>
        isObj(c) && Object.entries(c).every(([k, n]) => CATEGORY_ID_PATTERN.test(k) && isCount(n)),
    },
    [...COUNT_KEYS, 'categories'],
  );

const WARNING: Check = (x) =>
  fits(
    x,
    {
      code: isId,
      message: (m) => isText(m, LIMITS.warningMessage),
      at: (a) => typeof a === 'string' && isSourceRef(a),
    },
    ['code', 'message'],
  );

const SNAPSHOT: Record<string, Check> = {
  schemaVersion: (x) => x === SNAPSHOT_SCHEMA_VERSION,
  builtAt: isUtc,
  changedAt: isUtc,
  generator: (x) => isText(x, LIMITS.name),
  source: SOURCE,
  counts: COUNTS,
  warnings: list(WARNING, LIMITS.warnings),
  organizations: list((o) => fits(o, ORGANIZATION, ORGANIZATION_REQUIRED), LIMITS.organizations),
};
const SNAPSHOT_REQUIRED = [
  'schemaVersion',
  'builtAt',
  'generator',
  'source',
  'counts',
  'warnings',
  'organizations',
];

/**
 * True only when `raw` is a snapshot `snapshotSchema` accepts and gives back unchanged (plain
 * JSON objects, no unknown key). False says nothing: ask the schema.
 */
export function isPlainValidSnapshot(raw: unknown): raw is DirectorySnapshot {
  try {
    return fits(raw, SNAPSHOT, SNAPSHOT_REQUIRED);
  } catch {
    return false;
  }
}
