// Ranking: which hosts to show for a need, nearest first. The index is built once per snapshot
// (hosts grouped by category and pre-sorted by access then name); a query walks only the hosts
// of its category once, placing each in its locality group.

import { parseRegion, type ParsedRegion } from '../regions';
import type {
  DirectorySnapshot,
  FundingLink,
  HostProviderType,
  OrganizationType,
  Registration,
} from './schema';

export type Locality = 'local' | 'regional' | 'national' | 'elsewhere';

export const LOCALITIES: readonly Locality[] = ['local', 'regional', 'national', 'elsewhere'];
const GROUP: Record<Locality, number> = { local: 0, regional: 1, national: 2, elsewhere: 3 };

export interface HostPlace {
  countryCode?: string;
  /** `FR-69` */
  departement?: string;
  /** `FR-ARA` */
  region?: string;
  city?: string;
  /** False when the directory says nothing about where the host is (it then ranks as `national`). */
  known: boolean;
  /** The finest level known. */
  precision: 'departement' | 'region' | 'country' | 'unknown';
}

/**
 * The organisation behind a host, with the trust facts its file gives. Each fact is present
 * only when the member's file states it (and it passed the build's checks); never guessed.
 */
export interface HostOrganization {
  id: string;
  name: string;
  website?: string;
  /** `association`, `cooperative`… (`organization.type`). */
  type?: OrganizationType;
  /** `YYYY-MM-DD` the organisation began (`organization.startdate`). */
  startDate?: string;
  /** `YYYY-MM-DD` it joined CHATONS (`organization.memberof.chatons.startdate`). */
  memberSince?: string;
  /** Its own words, plain text (at most 300 characters): show as text, never as HTML. */
  description?: string;
  contactUrl?: string;
  /** Legal notice. */
  legalUrl?: string;
  /** User guide. */
  guideUrl?: string;
  /** Where to give, one link per platform. */
  funding?: readonly FundingLink[];
}

/** The service offered, with the trust facts its file gives (same rule: absent when not stated). */
export interface HostService {
  id: string;
  name: string;
  /** The service's own URL, or the organisation's website when the service gives none (see `urlSource`). */
  url: string;
  urlSource: 'service' | 'organization';
  /** `YYYY-MM-DD` of its first day (`service.startdate`). */
  startDate?: string;
  /** Plain text, at most 300 characters. */
  description?: string;
  /** Terms of use. */
  legalUrl?: string;
  guideUrl?: string;
  contactUrl?: string;
  /** Where the machine runs: at home, own machine in a rented rack, rented server, third party. */
  hostProvider?: HostProviderType;
  /** Country the machine is in (ISO alpha-2; may differ from the organisation's `place`). */
  hostCountry?: string;
}

/** A host offered for a need. Objects are shared between calls and with the index: read, never modify. */
export interface RankedHost {
  organization: HostOrganization;
  service: HostService;
  /** `name` is what the host wrote in `software.name` ('' when it named none); `id` is the catalogue's. */
  software: { id?: string; name: string };
  registration: Registration;
  /** `open`: says it accepts new accounts; `unknown`: does not say. Full services are never ranked. */
  load: 'open' | 'unknown';
  locality: Locality;
  place: HostPlace;
  /** How the service was linked to the need: its software, or words of its name. */
  categoryBasis?: 'software' | 'name';
  /** Last announced day of service (future), if any. */
  endDate?: string;
}

type IndexedHost = Omit<RankedHost, 'locality'>;

interface Entry {
  host: IndexedHost;
  categories: readonly string[];
  /** The host as returned for each locality, made on first use and then shared (frozen). */
  ranked: [RankedHost | undefined, RankedHost | undefined, RankedHost | undefined, RankedHost | undefined];
  countryCode: string | undefined;
  departement: string | undefined;
  region: string | undefined;
  /** Earliest of the service's and the organisation's end dates. */
  endDate: string | undefined;
}

export interface DirectoryIndex {
  readonly builtAt: string;
  /** Hosts per category, sorted by access (open, member, client, unknown) then names. */
  readonly byCategory: ReadonlyMap<string, readonly Entry[]>;
  readonly categories: readonly string[];
  readonly hostCount: number;
}

// Facts are copied one by one, with a store per key (not a loop over key names): a keyed store
// in a loop sees every combination of present facts and slows the whole index down.
function organizationOf(org: DirectorySnapshot['organizations'][number]): HostOrganization {
  const out: HostOrganization = { id: org.id, name: org.name };
  if (org.website !== undefined) out.website = org.website;
  const f = org.facts;
  if (f === undefined) return out;
  if (f.type !== undefined) out.type = f.type;
  if (f.startDate !== undefined) out.startDate = f.startDate;
  if (f.memberSince !== undefined) out.memberSince = f.memberSince;
  if (f.description !== undefined) out.description = f.description;
  if (f.contactUrl !== undefined) out.contactUrl = f.contactUrl;
  if (f.legalUrl !== undefined) out.legalUrl = f.legalUrl;
  if (f.guideUrl !== undefined) out.guideUrl = f.guideUrl;
  if (f.funding !== undefined) out.funding = f.funding;
  return out;
}

function serviceOf(
  service: DirectorySnapshot['organizations'][number]['services'][number],
  org: DirectorySnapshot['organizations'][number],
  url: string,
): HostService {
  const out: HostService = {
    id: service.id,
    name: service.name,
    url,
    urlSource: service.url !== undefined ? 'service' : 'organization',
  };
  const f = service.facts;
  if (f !== undefined) {
    if (f.startDate !== undefined) out.startDate = f.startDate;
    if (f.description !== undefined) out.description = f.description;
    if (f.legalUrl !== undefined) out.legalUrl = f.legalUrl;
    if (f.guideUrl !== undefined) out.guideUrl = f.guideUrl;
    if (f.contactUrl !== undefined) out.contactUrl = f.contactUrl;
  }
  // Host facts all of an organisation's services state alike are stored once, on it.
  const hostProvider = f?.hostProvider ?? org.facts?.hostProvider;
  if (hostProvider !== undefined) out.hostProvider = hostProvider;
  const hostCountry = f?.hostCountry ?? org.facts?.hostCountry;
  if (hostCountry !== undefined) out.hostCountry = hostCountry;
  return out;
}

const ACCESS_RANK: Record<Registration, 0 | 1 | 2 | 3> = {
  none: 0,
  free: 0,
  member: 1,
  client: 2,
  unknown: 3,
};

/** Names compare without case or accents ("Écolo" sorts with "ecolo"), then by id for a stable order. */
function sortKey(name: string): string {
  const lower = name.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
}
// eslint-disable-next-line no-control-regex -- the test is for "anything beyond ASCII"
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * Builds the lookup once per snapshot. Services that are full, or that have neither a URL of
 * their own nor an organisation website, are left out: they cannot be offered to anyone.
 */
export function indexDirectory(snapshot: DirectorySnapshot): DirectoryIndex {
  // Order once: organisations by name, their services by name, then stable buckets by access.
  // Every category list is then filled in that order and needs no sort of its own.
  const orgs = snapshot.organizations
    .map((org) => ({ org, key: `${sortKey(org.name)}\u0000${org.id}` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const buckets: Entry[][] = [[], [], [], []];
  for (const { org } of orgs) {
    const { countryCode, departement, region, city } = org.place;
    const place: HostPlace = {
      ...(countryCode ? { countryCode } : {}),
      ...(departement ? { departement } : {}),
      ...(region ? { region } : {}),
      ...(city ? { city } : {}),
      known: countryCode !== undefined || departement !== undefined || region !== undefined,
      precision: departement ? 'departement' : region ? 'region' : countryCode ? 'country' : 'unknown',
    };
    const organization = organizationOf(org);
    const hostCountry = countryCode ?? (departement || region ? 'FR' : undefined);
    const services: Array<{ service: (typeof org.services)[number]; key: string }> = [];
    for (const service of org.services) {
      if (
        service.load === 'full' ||
        service.categories.length === 0 ||
        (service.url ?? org.website) === undefined
      )
        continue;
      services.push({ service, key: `${sortKey(service.name)}\u0000${service.id}` });
    }
    if (services.length > 1) services.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const { service } of services) {
      const url = (service.url ?? org.website) as string;
      const endDate =
        service.endDate && org.endDate
          ? service.endDate < org.endDate
            ? service.endDate
            : org.endDate
          : (service.endDate ?? org.endDate);
      const host: IndexedHost = {
        organization,
        service: serviceOf(service, org, url),
        software: service.software.id
          ? { id: service.software.id, name: service.software.name ?? '' }
          : { name: service.software.name ?? '' },
        registration: service.registration,
        load: service.load === 'open' ? 'open' : 'unknown',
        place,
      };
      if (service.categoryBasis) host.categoryBasis = service.categoryBasis;
      if (endDate) host.endDate = endDate;
      buckets[ACCESS_RANK[service.registration]]!.push({
        host,
        categories: service.categories,
        countryCode: hostCountry,
        departement,
        region,
        endDate,
        ranked: [undefined, undefined, undefined, undefined],
      });
    }
  }
  const byCategory = new Map<string, Entry[]>();
  let hostCount = 0;
  for (const bucket of buckets) {
    for (const entry of bucket) {
      hostCount += 1;
      for (const category of entry.categories) {
        let list = byCategory.get(category);
        if (!list) byCategory.set(category, (list = []));
        list.push(entry);
      }
    }
  }
  return {
    builtAt: snapshot.builtAt,
    byCategory,
    categories: [...byCategory.keys()].sort(),
    hostCount,
  };
}

function localityOf(entry: Entry, user: ParsedRegion | null): Locality {
  if (user === null) return 'national';
  if (entry.countryCode === undefined) return 'national'; // place unknown: somewhere, maybe here
  if (user.kind === 'departement' && entry.departement === user.departement) return 'local';
  if (user.region !== undefined && entry.region === user.region) return 'regional';
  return entry.countryCode === user.countryCode ? 'national' : 'elsewhere';
}

/**
 * Hosts of active, not-full services for `category`, grouped `local` (same département),
 * `regional` (same French région), `national` (same country, and hosts whose place is unknown),
 * `elsewhere`; within a group, open access (`none`, `free`) first, then `member`, `client`,
 * `unknown`, then by organisation and service name. An invalid `region` ranks every host
 * `national`. Services whose announced end date has passed (`now`) are left out.
 */
export function rankHosts(
  index: DirectoryIndex,
  query: { category: string; region: string; now?: Date },
): RankedHost[] {
  const list = index.byCategory.get(query.category);
  if (!list || list.length === 0) return [];
  const user = parseRegion(query.region);
  const today = (query.now ?? new Date()).toISOString().slice(0, 10);
  const groups: RankedHost[][] = [[], [], [], []];
  for (const entry of list) {
    if (entry.endDate !== undefined && entry.endDate <= today) continue;
    const locality = localityOf(entry, user);
    const group = GROUP[locality];
    const ranked = (entry.ranked[group] ??= { ...entry.host, locality });
    groups[group]!.push(ranked);
  }
  return groups.flat();
}
