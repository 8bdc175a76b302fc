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
import { ID_PATTERN, MAX_URL_LENGTH, isCleanText, isFactLink, isHttpUrl, isSourceRef } from './text';

type Obj = Record<string, unknown>;

// Each kind of object has its own walk: named reads of the keys it may have, then a count of
// its own keys, which must equal the number it had (so any unknown key says no). No closure or
// object is made per value: the walk runs over tens of thousands of values at 10×.

const isObj = (x: unknown): x is Obj =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
const isText = (x: unknown, max: number) =>
  typeof x === 'string' && x.length >= 1 && x.length <= max && isCleanText(x);
const isId = (x: unknown) => typeof x === 'string' && ID_PATTERN.test(x);
const isUrl = (x: unknown) => typeof x === 'string' && isHttpUrl(x);
const isLink = (x: unknown) => typeof x === 'string' && isFactLink(x);
const isRef = (x: unknown) => typeof x === 'string' && isSourceRef(x);
const isDay = (x: unknown) =>
  typeof x === 'string' && ISO_DATE_PATTERN.test(x) && Number.isFinite(Date.parse(x));
const isUtc = (x: unknown) =>
  typeof x === 'string' && UTC_DATE_TIME_PATTERN.test(x) && Number.isFinite(Date.parse(x));
const isCount = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isNum = (x: unknown, limit: number) =>
  typeof x === 'number' && !Number.isNaN(x) && x >= -limit && x <= limit;
const inSet = (set: ReadonlySet<string>) => (x: unknown) => typeof x === 'string' && set.has(x);

const isCountry = inSet(COUNTRY_CODES);
const isDepartement = inSet(DEPARTEMENT_CODES);
const isRegion = inSet(REGION_CODES);
const isProvider = inSet(new Set(HOST_PROVIDER_TYPES));
const isOrganizationType = inSet(new Set(ORGANIZATION_TYPES));
const isFundingKind = inSet(new Set(FUNDING_KINDS));
const isRegistration = inSet(new Set(REGISTRATIONS));
const isLoad = (x: unknown) => x === 'open' || x === 'full' || x === 'unknown';
const isBasis = (x: unknown) => x === 'software' || x === 'name';
const isCategory = (x: unknown) => typeof x === 'string' && CATEGORY_ID_PATTERN.test(x);

/** Own enumerable keys (plain JSON objects have no others), counted without making an array. */
function keyCount(o: Obj): number {
  let n = 0;
  for (const key in o) if (Object.hasOwn(o, key)) n += 1;
  return n;
}

/**
 * One optional value: 0 when absent, 1 when present and passing, NaN (so that any sum of them
 * fails the key count) when present and failing.
 */
const opt = (x: unknown, ok: (x: unknown) => boolean): number => (x === undefined ? 0 : ok(x) ? 1 : NaN);

function isPlace(x: unknown): boolean {
  if (!isObj(x)) return false;
  const n =
    opt(x.countryCode, isCountry) +
    opt(x.departement, isDepartement) +
    opt(x.region, isRegion) +
    (x.city === undefined ? 0 : isText(x.city, LIMITS.city) ? 1 : NaN) +
    (x.latitude === undefined ? 0 : isNum(x.latitude, 90) ? 1 : NaN) +
    (x.longitude === undefined ? 0 : isNum(x.longitude, 180) ? 1 : NaN);
  return n === keyCount(x);
}

const isFactText = (x: unknown) => isText(x, LIMITS.factDescription);

// Facts objects hold one or two of up to ten keys, in every combination: reading each possible
// key by name would mostly look for absent keys on objects of hundreds of shapes. One pass over
// the keys each object has is cheaper (and says no to any key it does not know).

function isFactValue(key: string, value: unknown, organization: boolean): boolean {
  switch (key) {
    case 'startDate':
      return isDay(value);
    case 'description':
      return isFactText(value);
    case 'legalUrl':
    case 'guideUrl':
    case 'contactUrl':
      return isLink(value);
    case 'hostProvider':
      return isProvider(value);
    case 'hostCountry':
      return isCountry(value);
    case 'type':
      return organization && isOrganizationType(value);
    case 'memberSince':
      return organization && isDay(value);
    case 'funding':
      return (
        organization &&
        Array.isArray(value) &&
        value.length >= 1 &&
        value.length <= LIMITS.fundingLinks &&
        value.every(isFunding)
      );
    default:
      return false;
  }
}

function isFacts(x: unknown, organization: boolean): boolean {
  if (!isObj(x)) return false;
  let n = 0;
  for (const key in x) {
    if (!Object.hasOwn(x, key) || !isFactValue(key, x[key], organization)) return false;
    n += 1;
  }
  return n > 0;
}

const isServiceFacts = (x: unknown) => isFacts(x, false);
const isOrganizationFacts = (x: unknown) => isFacts(x, true);

function isFunding(x: unknown): boolean {
  return isObj(x) && isFundingKind(x.kind) && isLink(x.url) && keyCount(x) === 2;
}

function isSoftware(x: unknown): boolean {
  if (!isObj(x)) return false;
  const n = opt(x.id, isId) + (x.name === undefined ? 0 : isText(x.name, LIMITS.softwareName) ? 1 : NaN);
  return n === keyCount(x);
}

function isCategories(x: unknown): boolean {
  return Array.isArray(x) && x.length <= LIMITS.categoriesPerService && x.every(isCategory);
}

function isService(x: unknown): boolean {
  if (!isObj(x)) return false;
  if (
    !isId(x.id) ||
    !isText(x.name, LIMITS.name) ||
    !isSoftware(x.software) ||
    !isCategories(x.categories) ||
    !isRegistration(x.registration) ||
    !isLoad(x.load) ||
    !isRef(x.from)
  )
    return false;
  const n =
    7 +
    opt(x.url, isUrl) +
    opt(x.categoryBasis, isBasis) +
    opt(x.endDate, isDay) +
    opt(x.facts, isServiceFacts);
  return n === keyCount(x);
}

function isOrganization(x: unknown): boolean {
  if (!isObj(x)) return false;
  const { services } = x;
  if (
    !isId(x.id) ||
    !isText(x.name, LIMITS.name) ||
    !isPlace(x.place) ||
    !isRef(x.from) ||
    !Array.isArray(services) ||
    services.length > LIMITS.servicesPerOrganization ||
    !services.every(isService)
  )
    return false;
  const n = 5 + opt(x.website, isUrl) + opt(x.endDate, isDay) + opt(x.facts, isOrganizationFacts);
  return n === keyCount(x);
}

function isSource(x: unknown): boolean {
  if (!isObj(x)) return false;
  const { federation } = x;
  if (
    !(x.kind === 'http' || x.kind === 'file') ||
    !(
      typeof federation === 'string' &&
      federation.length >= 1 &&
      federation.length <= MAX_URL_LENGTH &&
      isCleanText(federation)
    ) ||
    !isText(x.description, LIMITS.description)
  )
    return false;
  return (
    3 +
      (x.datetime === undefined ? 0 : isText(x.datetime, 64) ? 1 : NaN) +
      (x.descriptions === undefined ? 0 : isDescriptions(x.descriptions) ? 1 : NaN) ===
    keyCount(x)
  );
}

function isDescriptions(x: unknown): boolean {
  if (!isObj(x)) return false;
  let known = 0;
  for (const lang of ['fr', 'en'] as const) {
    if (x[lang] === undefined) continue;
    if (!isText(x[lang], LIMITS.description)) return false;
    known += 1;
  }
  return known === keyCount(x);
}

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
] as const;

function isCounts(x: unknown): boolean {
  if (!isObj(x)) return false;
  for (const key of COUNT_KEYS) if (!isCount(x[key])) return false;
  const { categories } = x;
  if (!isObj(categories)) return false;
  for (const key in categories) {
    if (!Object.hasOwn(categories, key) || !CATEGORY_ID_PATTERN.test(key) || !isCount(categories[key]))
      return false;
  }
  return keyCount(x) === COUNT_KEYS.length + 1;
}

function isWarning(x: unknown): boolean {
  if (!isObj(x)) return false;
  if (!isId(x.code) || !isText(x.message, LIMITS.warningMessage)) return false;
  return 2 + opt(x.at, isRef) === keyCount(x);
}

function isSnapshot(x: unknown): boolean {
  if (!isObj(x)) return false;
  const { warnings, organizations } = x;
  if (
    x.schemaVersion !== SNAPSHOT_SCHEMA_VERSION ||
    !isUtc(x.builtAt) ||
    !isText(x.generator, LIMITS.name) ||
    !isSource(x.source) ||
    !isCounts(x.counts) ||
    !Array.isArray(warnings) ||
    warnings.length > LIMITS.warnings ||
    !warnings.every(isWarning) ||
    !Array.isArray(organizations) ||
    organizations.length > LIMITS.organizations ||
    !organizations.every(isOrganization)
  )
    return false;
  return 7 + opt(x.changedAt, isUtc) === keyCount(x);
}

/**
 * True only when `raw` is a snapshot `snapshotSchema` accepts and gives back unchanged (plain
 * JSON objects, no unknown key). False says nothing: ask the schema.
 */
export function isPlainValidSnapshot(raw: unknown): raw is DirectorySnapshot {
  try {
    return isSnapshot(raw);
  } catch {
    return false;
  }
}
