// From crawled ChatonsInfos files to a snapshot: statuses and dates decide what is kept,
// software names become catalogue software and categories, places are read, text and URLs
// are cleaned. Pure: the files arrive already fetched (see scripts/lib/directory-crawl.ts).

import type { Catalogue, Software } from '../catalogue/types';
import { ISO_ALPHA2, countryFromName, parseRegion, placeFromAddress } from '../regions';
import { FUNCTION_KEYWORDS, categoriesFromName } from './keywords';
import { byKey, sortInHostOrder } from './order';
import type { PropertiesMap } from './properties';
import {
  FUNDING_KINDS,
  HOST_PROVIDER_TYPES,
  LIMITS,
  ORGANIZATION_TYPES,
  SNAPSHOT_SCHEMA_VERSION,
  type FundingKind,
  type FundingLink,
  type HostProviderType,
  type OrganizationFacts,
  type OrganizationType,
  type ServiceFacts,
  type DirectoryCounts,
  type DirectoryOrganization,
  type DirectoryPlace,
  type DirectoryService,
  type DirectorySnapshot,
  type DirectoryWarning,
  type Registration,
  type ServiceLoad,
} from './schema';
import { cleanText, factLink, httpUrl, makeId, toSourceRef } from './text';

// ---- what the crawler hands over ---------------------------------------------------------

export interface CrawledService {
  /** The `subs.<id>` key in the organisation file. */
  id: string;
  /** Where the file was read (URL, or path relative to the federation file). */
  from: string;
  properties: PropertiesMap;
}

export interface CrawledOrganization {
  id: string;
  from: string;
  properties: PropertiesMap;
  services: CrawledService[];
}

export interface CrawledFederation {
  kind: 'http' | 'file';
  /** The federation file's URL or path, as given. */
  federation: string;
  properties: PropertiesMap;
  organizations: CrawledOrganization[];
  /** Files the crawler skipped, and why. */
  problems: DirectoryWarning[];
}

export type CatalogueForDirectory = Pick<Catalogue, 'software' | 'categories'>;

export interface NormalizeOptions {
  catalogue: CatalogueForDirectory;
  builtAt: Date;
  /** One honest sentence on what the source is, in French; a default is derived from the federation file. */
  description?: string;
  /** The same sentence in English (users see the sentence in their language). */
  descriptionEn?: string;
  generator?: string;
}

// ---- single values -------------------------------------------------------------------------

/**
 * `service.registration`: `None|Free|Member|Client` in any case. A list (`Free;Member`) gives
 * its most open value. Anything else is `unknown`.
 */
export function normalizeRegistration(raw: string | undefined): Registration {
  if (typeof raw !== 'string') return 'unknown';
  const order: Registration[] = ['none', 'free', 'member', 'client'];
  let best: Registration = 'unknown';
  for (const part of raw.slice(0, 200).split(/[;,|]/)) {
    const value = part.trim().toLowerCase() as Registration;
    const rank = order.indexOf(value);
    if (rank >= 0 && (best === 'unknown' || rank < order.indexOf(best))) best = value;
  }
  return best;
}

/** `service.registration.load`: `OPEN` -> open, `FULL` -> full, else unknown. */
export function normalizeLoad(raw: string | undefined): ServiceLoad {
  const value = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  return value === 'OPEN' ? 'open' : value === 'FULL' ? 'full' : 'unknown';
}

/**
 * A ChatonsInfos DECIMAL_DEGREE (`45.76`, `-12,3456`) as a number within `limit`, or undefined.
 */
export function parseDegrees(raw: string | undefined, limit: 90 | 180): number | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = /^\s*([+-]?\d{1,3})(?:[.,](\d{1,12}))?\s*$/.exec(raw);
  if (!m) return undefined;
  const value = Number(`${m[1]}.${m[2] ?? '0'}`);
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : undefined;
}

/**
 * A date as ChatonsInfos files write it: ISO `2020-07-06` (or a date-time), YunoHost's
 * `06/07/2020` (day first), `2020/07/06`. Returns `YYYY-MM-DD` or undefined when not a real date.
 */
export function parseDay(raw: string | undefined): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim().slice(0, 40);
  let y: number, m: number, d: number;
  let match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T\s])/.exec(text);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    return undefined;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  if (y < 1990 || y > 2200) return undefined;
  return date.toISOString().slice(0, 10);
}

/** `organization.type` (`ASSOCIATION`, `Cooperative`…) lower-cased, or undefined when not one of the list. */
export function normalizeOrganizationType(raw: string | undefined): OrganizationType | undefined {
  const value = raw?.trim().toLowerCase();
  return (ORGANIZATION_TYPES as readonly string[]).includes(value ?? '')
    ? (value as OrganizationType)
    : undefined;
}

/** `host.provider.type` (`HOME`, `HOSTEDBAY`, `HOSTEDSERVER`, `OUTSOURCED`) lower-cased, or undefined. */
export function normalizeHostProvider(raw: string | undefined): HostProviderType | undefined {
  const value = raw?.trim().toLowerCase();
  return (HOST_PROVIDER_TYPES as readonly string[]).includes(value ?? '')
    ? (value as HostProviderType)
    : undefined;
}

/** The platform named by an `organization.funding.<suffix>` key (YunoHost writes `Tipee` for Tipeee). */
export function fundingKind(suffix: string): FundingKind {
  const value = suffix.trim().toLowerCase();
  if (value === 'tipee') return 'tipeee';
  return (FUNDING_KINDS as readonly string[]).includes(value) ? (value as FundingKind) : 'other';
}

/** `YYYY-MM-DD` of a Date, in UTC. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// ---- software -> catalogue -------------------------------------------------------------------

export interface SoftwareResolver {
  resolve(name: string): Software | undefined;
  categoryIds: ReadonlySet<string>;
}

/**
 * Looks software names up in the catalogue: `directoryNames` first, then the catalogue's own
 * `name` and `id`, all compared case-insensitively after trimming.
 */
export function softwareResolver(catalogue: CatalogueForDirectory): SoftwareResolver {
  const byName = new Map<string, Software>();
  const fold = (s: string) => s.trim().toLowerCase();
  for (const software of catalogue.software) {
    for (const n of [software.id, software.name]) if (!byName.has(fold(n))) byName.set(fold(n), software);
  }
  for (const software of catalogue.software) {
    for (const n of software.directoryNames) byName.set(fold(n), software);
  }
  return {
    resolve: (name) => byName.get(fold(name)),
    categoryIds: new Set(catalogue.categories.map((c) => c.id)),
  };
}

// ---- the build -----------------------------------------------------------------------------

class Warnings {
  readonly kept: DirectoryWarning[] = [];
  total = 0;
  add(code: string, message: string, at?: string): void {
    this.total += 1;
    if (this.kept.length >= LIMITS.warnings) return;
    const text = cleanText(message, LIMITS.warningMessage) ?? cleanText(code, 64) ?? 'warning';
    const ref = at !== undefined && at.length > 0 ? toSourceRef(at) : 'unknown';
    const safeCode = makeId(code);
    this.kept.push(
      ref !== 'unknown' ? { code: safeCode, message: text, at: ref } : { code: safeCode, message: text },
    );
  }
}

/** Keys compared without case: older files write `organization.startDate`, `organization.endDate`. */
function lowerKeys(properties: PropertiesMap): PropertiesMap {
  const out = new Map<string, string>();
  for (const [key, value] of properties) {
    const lower = key.toLowerCase();
    if (!out.has(lower) || lower === key) out.set(lower, value);
  }
  return out;
}

function get(properties: PropertiesMap, key: string): string | undefined {
  const value = properties.get(key);
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

const ACTIVE_STATUSES = new Set(['ACTIVE']);
const INACTIVE_ORG_STATUSES = new Set(['IDLE', 'AWAY']);
const KEPT_SERVICE_STATUSES = new Set(['ON', 'OK', 'MAINTENANCE', 'DOWN']);
const EXCLUDED_SERVICE_STATUSES = new Set(['OFF', 'DRAFT']);

function derivePlace(p: PropertiesMap, from: string, warnings: Warnings): DirectoryPlace {
  const place: DirectoryPlace = {};
  const rawCode = get(p, 'organization.country.code');
  if (rawCode !== undefined) {
    const parsed = parseRegion(rawCode);
    if (parsed?.kind === 'country') place.countryCode = parsed.code;
    else if (parsed?.kind === 'departement') {
      // `RE`, `GP`…: ISO gives overseas départements their own country code.
      place.countryCode = 'FR';
      place.departement = parsed.departement;
      place.region = parsed.region;
    } else
      warnings.add(
        'bad-country',
        `organization.country.code "${rawCode.slice(0, 40)}" is not an ISO country code`,
        from,
      );
  }
  if (place.countryCode === undefined) {
    const byName = get(p, 'organization.country.name');
    const code = byName !== undefined ? countryFromName(byName) : null;
    if (code) place.countryCode = parseRegion(code)?.countryCode ?? code;
  }
  // `organization.geography` is the 2020 draft's free-text place.
  const address = get(p, 'organization.geolocation.address') ?? get(p, 'organization.geography');
  if (address !== undefined) {
    const found = placeFromAddress(address, place.countryCode);
    if (!place.countryCode && found.countryCode) place.countryCode = found.countryCode;
    if (!place.departement && found.departement) {
      place.departement = found.departement;
      place.region = found.region;
    } else if (!place.region && found.region) place.region = found.region;
    const city = cleanText(found.city, LIMITS.city);
    if (city) place.city = city;
  }
  const latitude = parseDegrees(get(p, 'organization.geolocation.latitude'), 90);
  const longitude = parseDegrees(get(p, 'organization.geolocation.longitude'), 180);
  if (latitude !== undefined && longitude !== undefined) {
    place.latitude = latitude;
    place.longitude = longitude;
  }
  return place;
}

interface OrgVerdict {
  excluded?: string;
  endDate?: string;
}

function organizationVerdict(p: PropertiesMap, today: string, from: string, warnings: Warnings): OrgVerdict {
  const verdict: OrgVerdict = {};
  for (const key of ['organization.status.level', 'organization.memberof.chatons.status.level']) {
    const value = get(p, key)?.toUpperCase();
    if (value === undefined || ACTIVE_STATUSES.has(value)) continue;
    if (INACTIVE_ORG_STATUSES.has(value)) return { excluded: `${key} = ${value}` };
    warnings.add('unknown-status', `${key} "${value.slice(0, 40)}" is not ACTIVE, IDLE or AWAY; kept`, from);
  }
  for (const key of ['organization.enddate', 'organization.memberof.chatons.enddate']) {
    const raw = get(p, key);
    if (raw === undefined) continue;
    const day = parseDay(raw);
    if (day === undefined) {
      warnings.add('bad-date', `${key} "${raw.slice(0, 40)}" is not a date; ignored`, from);
      continue;
    }
    if (day <= today) return { excluded: `${key} = ${day}` };
    if (verdict.endDate === undefined || day < verdict.endDate) verdict.endDate = day;
  }
  return verdict;
}

function serviceVerdict(p: PropertiesMap, today: string, from: string, warnings: Warnings): OrgVerdict {
  const status = get(p, 'service.status.level')?.toUpperCase();
  if (status !== undefined && !KEPT_SERVICE_STATUSES.has(status)) {
    if (EXCLUDED_SERVICE_STATUSES.has(status)) return { excluded: `service.status.level = ${status}` };
    warnings.add(
      'unknown-status',
      `service.status.level "${status.slice(0, 40)}" is not a known status; kept`,
      from,
    );
  }
  const raw = get(p, 'service.enddate');
  if (raw === undefined) return {};
  const day = parseDay(raw);
  if (day === undefined) {
    warnings.add('bad-date', `service.enddate "${raw.slice(0, 40)}" is not a date; ignored`, from);
    return {};
  }
  return day <= today ? { excluded: `service.enddate = ${day}` } : { endDate: day };
}

/** Reads the trust facts of one file, reporting what is present but unusable (and dropping it). */
class FactReader {
  constructor(
    private readonly p: PropertiesMap,
    private readonly today: string,
    private readonly what: string,
    private readonly from: string,
    private readonly warnings: Warnings,
  ) {}

  /** An http(s) link; anything else is dropped and reported. */
  url(key: string): string | undefined {
    const raw = get(this.p, key);
    if (raw === undefined) return undefined;
    const url = httpUrl(raw);
    if (url === undefined)
      this.warnings.add('bad-url', `${this.what}: ${key} is not an http(s) URL; dropped`, this.from);
    return url;
  }

  /** A day not after the build: a start date in the future is a typo or a plan, not a fact. */
  startDay(key: string): string | undefined {
    const raw = get(this.p, key);
    if (raw === undefined) return undefined;
    const day = parseDay(raw);
    if (day === undefined) {
      this.warnings.add(
        'bad-date',
        `${this.what}: ${key} "${raw.slice(0, 40)}" is not a date; dropped`,
        this.from,
      );
    } else if (day > this.today) {
      this.warnings.add('bad-date', `${this.what}: ${key} ${day} is in the future; dropped`, this.from);
      return undefined;
    }
    return day;
  }

  text(key: string): string | undefined {
    return cleanText(get(this.p, key), LIMITS.factDescription);
  }

  /** A value from a fixed list; another value is dropped and reported. */
  choice<T>(key: string, read: (raw: string) => T | undefined): T | undefined {
    const raw = get(this.p, key);
    if (raw === undefined) return undefined;
    const value = read(raw);
    if (value === undefined)
      this.warnings.add(
        'unknown-value',
        `${this.what}: ${key} "${raw.slice(0, 40)}" is not a known value; dropped`,
        this.from,
      );
    return value;
  }

  /** `organization.funding.*` links, one per platform and address, in the list's order. */
  funding(): FundingLink[] {
    const links: FundingLink[] = [];
    for (const key of this.p.keys()) {
      if (!key.startsWith('organization.funding.')) continue;
      const url = this.url(key);
      if (url === undefined || links.some((l) => l.url === url)) continue;
      links.push({ kind: fundingKind(key.slice('organization.funding.'.length)), url });
    }
    links.sort(
      (a, b) =>
        FUNDING_KINDS.indexOf(a.kind) - FUNDING_KINDS.indexOf(b.kind) ||
        (a.url < b.url ? -1 : a.url > b.url ? 1 : 0),
    );
    return links.slice(0, LIMITS.fundingLinks);
  }
}

/** The fields that have a value, or undefined when none has (an absent fact is an absent key). */
function defined<T extends object>(facts: { [K in keyof T]: T[K] | undefined }): T | undefined {
  const out: Record<string, unknown> = {};
  let any = false;
  for (const [key, value] of Object.entries(facts)) {
    if (value === undefined) continue;
    out[key] = value;
    any = true;
  }
  return any ? (out as T) : undefined;
}

function organizationFacts(facts: FactReader): OrganizationFacts | undefined {
  const funding = facts.funding();
  return defined<OrganizationFacts>({
    type: facts.choice('organization.type', normalizeOrganizationType),
    startDate: facts.startDay('organization.startdate'),
    memberSince: facts.startDay('organization.memberof.chatons.startdate'),
    description: facts.text('organization.description'),
    contactUrl: facts.url('organization.contact.url'),
    legalUrl: facts.url('organization.legal.url'),
    guideUrl: facts.url('organization.guide.user'),
    funding: funding.length > 0 ? funding : undefined,
    hostProvider: undefined,
    hostCountry: undefined,
  });
}

/**
 * A service's links that repeat its organisation's (YunoHost's form offers the same legal notice
 * and support page for every service) are stored once, on the organisation: the popup shows the
 * organisation's links anyway, and every service of a member would otherwise carry a copy.
 */
function serviceFacts(facts: FactReader, org: OrganizationFacts | undefined): ServiceFacts | undefined {
  const own = (url: string | undefined, orgUrl: string | undefined) =>
    url !== undefined && url !== orgUrl ? url : undefined;
  return defined<ServiceFacts>({
    startDate: facts.startDay('service.startdate'),
    description: facts.text('service.description'),
    legalUrl: own(facts.url('service.legal.url'), org?.legalUrl),
    guideUrl: own(facts.url('service.guide.user'), org?.guideUrl),
    contactUrl: own(facts.url('service.contact.url'), org?.contactUrl),
    hostProvider: facts.choice('host.provider.type', normalizeHostProvider),
    hostCountry: facts.choice('host.country.code', (raw) => {
      const code = raw.trim().toUpperCase();
      return ISO_ALPHA2.has(code) ? code : undefined;
    }),
  });
}

/**
 * `host.*` keys describe the machine a service runs on; one server usually runs all of a
 * member's services (YunoHost's [host] panel writes the same lines into every service file).
 * When every service (two or more) states the same value, it is stored once in the
 * organisation's facts and read back for each service by `rankHosts`: nothing is lost and
 * nothing is guessed.
 */
export function hoistHostFacts(org: DirectoryOrganization): void {
  const { services } = org;
  if (services.length < 2) return;
  for (const key of ['hostProvider', 'hostCountry'] as const) {
    const first = services[0]!.facts?.[key];
    if (first === undefined || services.some((s) => s.facts?.[key] !== first)) continue;
    org.facts = { ...org.facts, [key]: first };
    for (const service of services) {
      const { [key]: _moved, ...rest } = service.facts!;
      if (Object.keys(rest).length > 0) service.facts = rest;
      else delete service.facts;
    }
  }
}

/**
 * Fact links on the organisation's own website are stored as paths (`/mentions-legales`): a
 * member's legal notice, contact and guide pages mostly are, and its origin is then written once
 * (in `website`) instead of in every link. `rankHosts` gives them back whole.
 */
function writeLinksOnSite(org: DirectoryOrganization): void {
  const { website } = org;
  if (website === undefined) return;
  const link = (url: string | undefined) => (url === undefined ? undefined : factLink(url, website));
  const onSite = <T extends { legalUrl?: string; guideUrl?: string; contactUrl?: string }>(facts: T) => {
    if (facts.legalUrl !== undefined) facts.legalUrl = link(facts.legalUrl);
    if (facts.guideUrl !== undefined) facts.guideUrl = link(facts.guideUrl);
    if (facts.contactUrl !== undefined) facts.contactUrl = link(facts.contactUrl);
  };
  if (org.facts) {
    onSite(org.facts);
    if (org.facts.funding)
      org.facts.funding = org.facts.funding.map((f) => ({ kind: f.kind, url: factLink(f.url, website) }));
  }
  for (const service of org.services) if (service.facts) onSite(service.facts);
}

/**
 * A service's `from`, written relative to its organisation's `from` when both are on the same
 * origin (or both local paths): `pad.properties`, `services/pad.properties`, `../x.properties`.
 * Resolving it against the organisation's `from` (as a URL does) gives the full location back.
 */
export function relativeRef(base: string, target: string): string {
  const split = (ref: string): { origin: string; path: string } | null => {
    const m = /^(https?:\/\/[^/?#]+)(\/[^?#]*)$/.exec(ref);
    if (m) return { origin: m[1]!, path: m[2]! };
    return ref.includes(':') || ref.includes('?') || ref.includes('#')
      ? null
      : { origin: '', path: `/${ref}` };
  };
  const a = split(base);
  const b = split(target);
  if (!a || !b || a.origin !== b.origin) return target;
  const from = a.path.split('/').slice(1, -1);
  const to = b.path.split('/').slice(1);
  if (from.includes('..') || from.includes('.') || to.includes('..') || to.includes('.')) return target;
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common += 1;
  const relative = [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
  return relative.length > 0 && toSourceRef(relative) === relative ? relative : target;
}

/** Unique ids within a list: `pad`, `pad-2`, `pad-3`… */
function uniqueId(raw: string, taken: Set<string>): string {
  const base = makeId(raw).slice(0, 58);
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Builds a snapshot from a crawled federation. Never throws on any file content; what is
 * excluded, dropped or not recognised is counted and reported in `warnings`.
 */
export function normalizeFederation(
  crawled: CrawledFederation,
  options: NormalizeOptions,
): DirectorySnapshot {
  const warnings = new Warnings();
  for (const problem of crawled.problems) warnings.add(problem.code, problem.message, problem.at);
  const resolver = softwareResolver(options.catalogue);
  const today = dayOf(options.builtAt);
  const counts: DirectoryCounts = {
    organizations: 0,
    services: 0,
    categories: {},
    uncategorized: 0,
    withoutUrl: 0,
    excludedOrganizations: 0,
    excludedServices: 0,
    unknownSoftware: 0,
    skippedFiles: crawled.problems.length,
    warnings: 0,
  };
  const categories = new Map<string, number>();
  const unknownSoftware = new Map<string, number>();
  const missingKeywordCategories = new Set<string>();

  const organizations: DirectoryOrganization[] = [];
  const orgIds = new Set<string>();
  for (const crawledOrg of crawled.organizations) {
    const org = {
      ...crawledOrg,
      from: toSourceRef(crawledOrg.from),
      properties: lowerKeys(crawledOrg.properties),
    };
    const p = org.properties;
    const verdict = organizationVerdict(p, today, org.from, warnings);
    if (verdict.excluded) {
      counts.excludedOrganizations += 1;
      counts.excludedServices += org.services.length;
      warnings.add(
        'excluded-organization',
        `${org.id}: not active (${verdict.excluded}); its services are left out`,
        org.from,
      );
      continue;
    }
    const name = cleanText(get(p, 'organization.name'), LIMITS.name);
    if (name === undefined)
      warnings.add('no-name', `${org.id}: no organization.name; its id is shown instead`, org.from);
    const rawWebsite = get(p, 'organization.website');
    const website = httpUrl(rawWebsite);
    if (rawWebsite !== undefined && website === undefined) {
      warnings.add('bad-url', `${org.id}: organization.website is not an http(s) URL; dropped`, org.from);
    }

    const orgFacts = organizationFacts(new FactReader(p, today, org.id, org.from, warnings));

    const services: DirectoryService[] = [];
    const serviceIds = new Set<string>();
    for (const crawledService of org.services) {
      const service = {
        ...crawledService,
        from: toSourceRef(crawledService.from),
        properties: lowerKeys(crawledService.properties),
      };
      const sp = service.properties;
      const sv = serviceVerdict(sp, today, service.from, warnings);
      if (sv.excluded) {
        counts.excludedServices += 1;
        warnings.add(
          'excluded-service',
          `${org.id}/${service.id}: not active (${sv.excluded})`,
          service.from,
        );
        continue;
      }
      const rawUrl = get(sp, 'service.website');
      const url = httpUrl(rawUrl);
      if (rawUrl !== undefined && url === undefined) {
        counts.excludedServices += 1;
        warnings.add(
          'bad-url',
          `${org.id}/${service.id}: service.website is not an http(s) URL; service left out`,
          service.from,
        );
        continue;
      }
      const softwareName = cleanText(get(sp, 'software.name'), LIMITS.softwareName);
      const serviceName =
        cleanText(get(sp, 'service.name'), LIMITS.name) ??
        softwareName ??
        cleanText(service.id, LIMITS.name) ??
        'service';
      const software = softwareName !== undefined ? resolver.resolve(softwareName) : undefined;
      let serviceCategories: string[];
      let categoryBasis: DirectoryService['categoryBasis'];
      if (software) {
        serviceCategories = software.categories.filter((c) => resolver.categoryIds.has(c));
        categoryBasis = 'software';
      } else {
        if (softwareName !== undefined) {
          counts.unknownSoftware += 1;
          unknownSoftware.set(softwareName, (unknownSoftware.get(softwareName) ?? 0) + 1);
        }
        const fromName = categoriesFromName(serviceName);
        for (const c of fromName) if (!resolver.categoryIds.has(c)) missingKeywordCategories.add(c);
        serviceCategories = fromName.filter((c) => resolver.categoryIds.has(c));
        if (serviceCategories.length > 0) categoryBasis = 'name';
      }
      serviceCategories = [...new Set(serviceCategories)].slice(0, LIMITS.categoriesPerService);
      const entry: DirectoryService = {
        id: uniqueId(service.id, serviceIds),
        name: serviceName,
        software: {
          ...(software ? { id: software.id } : {}),
          ...(softwareName !== undefined ? { name: softwareName } : {}),
        },
        categories: serviceCategories,
        registration: normalizeRegistration(get(sp, 'service.registration')),
        load: normalizeLoad(get(sp, 'service.registration.load')),
        from: relativeRef(org.from, service.from),
      };
      if (url !== undefined) entry.url = url;
      else counts.withoutUrl += 1;
      if (categoryBasis) entry.categoryBasis = categoryBasis;
      if (sv.endDate) entry.endDate = sv.endDate;
      const facts = serviceFacts(
        new FactReader(sp, today, `${org.id}/${service.id}`, service.from, warnings),
        orgFacts,
      );
      if (facts) entry.facts = facts;
      if (serviceCategories.length === 0) {
        counts.uncategorized += 1;
        warnings.add(
          'no-category',
          `${org.id}/${service.id}: "${serviceName}"${softwareName ? ` (${softwareName})` : ''} matches no catalogue need`,
          service.from,
        );
      }
      for (const c of serviceCategories) categories.set(c, (categories.get(c) ?? 0) + 1);
      services.push(entry);
      if (services.length >= LIMITS.servicesPerOrganization) {
        warnings.add(
          'too-many-services',
          `${org.id}: more than ${LIMITS.servicesPerOrganization} services; the rest are left out`,
          org.from,
        );
        break;
      }
    }

    const entry: DirectoryOrganization = {
      id: uniqueId(org.id, orgIds),
      name: name ?? cleanText(org.id, LIMITS.name) ?? 'organisation',
      place: derivePlace(p, org.from, warnings),
      from: org.from,
      services,
    };
    if (website !== undefined) entry.website = website;
    if (verdict.endDate) entry.endDate = verdict.endDate;
    if (orgFacts) entry.facts = orgFacts;
    hoistHostFacts(entry);
    writeLinksOnSite(entry);
    sortInHostOrder(services);
    organizations.push(entry);
    counts.organizations += 1;
    counts.services += services.length;
    if (organizations.length >= LIMITS.organizations) break;
  }

  for (const [name, n] of [...unknownSoftware].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    warnings.add(
      'unknown-software',
      `software "${name}" (${n} service${n > 1 ? 's' : ''}) is not in the catalogue`,
    );
  }
  for (const c of [...missingKeywordCategories].sort()) {
    const labels = FUNCTION_KEYWORDS.filter((k) => k.categories.includes(c)).map((k) => k.label);
    warnings.add(
      'keyword-category-missing',
      `keyword table category "${c}" (${labels.join(', ')}) is not in the catalogue; ignored`,
    );
  }

  sortInHostOrder(organizations);
  counts.categories = Object.fromEntries([...categories].sort(byKey));
  counts.warnings = warnings.total;

  const fedProperties = lowerKeys(crawled.properties);
  const fedName = cleanText(get(fedProperties, 'federation.name'), 80);
  const datetime = cleanText(get(fedProperties, 'file.datetime'), 64);
  const from = crawled.federation.slice(0, 300);
  const fr =
    cleanText(options.description, LIMITS.description) ??
    `Annuaire ${fedName ?? 'de la fédération'} lu depuis ${from}${datetime ? ` (fichier de fédération du ${datetime})` : ''}`;
  const en =
    cleanText(options.descriptionEn, LIMITS.description) ??
    (options.description === undefined
      ? `${fedName ?? 'Federation'} directory crawled from ${from}${datetime ? ` (federation file dated ${datetime})` : ''}`
      : undefined);
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    builtAt: options.builtAt.toISOString(),
    generator: cleanText(options.generator, LIMITS.name) ?? 'matou directory:build',
    source: {
      kind: crawled.kind,
      federation: cleanText(crawled.federation, 2048) ?? 'unknown',
      description: fr,
      descriptions: en ? { fr, en } : { fr },
      ...(datetime ? { datetime } : {}),
    },
    counts,
    warnings: warnings.kept,
    organizations,
  };
}
