// Ranking: which hosts to show for a need, nearest first. The index is built once per snapshot
// (hosts grouped by category and pre-sorted by access then name); a query walks only the hosts
// of its category once, placing each in its locality group, and makes the host objects it
// returns the first time it returns them.

import { parseRegion, type ParsedRegion } from '../regions';
import { inHostOrder } from './order';
import { resolveFactLink } from './text';
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

type SnapshotOrganization = DirectorySnapshot['organizations'][number];
type SnapshotService = SnapshotOrganization['services'][number];

/** What the index keeps per organisation: its place for ranking; the rest made on first use. */
interface Member {
  org: SnapshotOrganization;
  countryCode: string | undefined;
  departement: string | undefined;
  region: string | undefined;
  place: HostPlace | undefined;
  organization: HostOrganization | undefined;
}

interface Entry {
  member: Member;
  service: SnapshotService;
  /** What the host returned shares whatever its locality: made the first time a query returns it. */
  parts: Pick<RankedHost, 'organization' | 'service' | 'software'> | undefined;
  /** The host as returned for each locality, made on first use and then shared (frozen). */
  ranked: Array<RankedHost | undefined> | undefined;
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

const link = (stored: string | undefined, website: string | undefined) =>
  stored === undefined ? undefined : resolveFactLink(stored, website);

// Facts are copied one by one, with a store per key (not a loop over key names): a keyed store
// in a loop sees every combination of present facts and slows the whole index down. Links
// stored as paths on the organisation's website are given back whole.
function organizationOf(org: SnapshotOrganization): HostOrganization {
  const out: HostOrganization = { id: org.id, name: org.name };
  const { website } = org;
  if (website !== undefined) out.website = website;
  const f = org.facts;
  if (f === undefined) return out;
  if (f.type !== undefined) out.type = f.type;
  if (f.startDate !== undefined) out.startDate = f.startDate;
  if (f.memberSince !== undefined) out.memberSince = f.memberSince;
  if (f.description !== undefined) out.description = f.description;
  const contactUrl = link(f.contactUrl, website);
  if (contactUrl !== undefined) out.contactUrl = contactUrl;
  const legalUrl = link(f.legalUrl, website);
  if (legalUrl !== undefined) out.legalUrl = legalUrl;
  const guideUrl = link(f.guideUrl, website);
  if (guideUrl !== undefined) out.guideUrl = guideUrl;
  if (f.funding !== undefined) {
    const funding: FundingLink[] = [];
    for (const { kind, url } of f.funding) {
      const resolved = resolveFactLink(url, website);
      if (resolved !== undefined) funding.push({ kind, url: resolved });
    }
    if (funding.length > 0) out.funding = funding;
  }
  return out;
}

function serviceOf(service: SnapshotService, org: SnapshotOrganization, url: string): HostService {
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
    const legalUrl = link(f.legalUrl, org.website);
    if (legalUrl !== undefined) out.legalUrl = legalUrl;
    const guideUrl = link(f.guideUrl, org.website);
    if (guideUrl !== undefined) out.guideUrl = guideUrl;
    const contactUrl = link(f.contactUrl, org.website);
    if (contactUrl !== undefined) out.contactUrl = contactUrl;
  }
  // Host facts all of an organisation's services state alike are stored once, on it.
  const hostProvider = f?.hostProvider ?? org.facts?.hostProvider;
  if (hostProvider !== undefined) out.hostProvider = hostProvider;
  const hostCountry = f?.hostCountry ?? org.facts?.hostCountry;
  if (hostCountry !== undefined) out.hostCountry = hostCountry;
  return out;
}

// Built with a store per key rather than conditional spreads: spreading objects of varying
// shapes is one of the slowest things an engine does, and a query may make hundreds of these.
function placeOf(org: SnapshotOrganization): HostPlace {
  const { countryCode, departement, region, city } = org.place;
  const place: HostPlace = {
    known: countryCode !== undefined || departement !== undefined || region !== undefined,
    precision: departement ? 'departement' : region ? 'region' : countryCode ? 'country' : 'unknown',
  };
  if (countryCode) place.countryCode = countryCode;
  if (departement) place.departement = departement;
  if (region) place.region = region;
  if (city) place.city = city;
  return place;
}

/** The host for an entry and a locality, made once: a popup shows a few hosts of one need. */
function rankedOf(entry: Entry, locality: Locality): RankedHost {
  const { member, service } = entry;
  const { org } = member;
  const parts = (entry.parts ??= {
    organization: (member.organization ??= organizationOf(org)),
    service: serviceOf(service, org, (service.url ?? org.website) as string),
    software: service.software.id
      ? { id: service.software.id, name: service.software.name ?? '' }
      : { name: service.software.name ?? '' },
  });
  const host: RankedHost = {
    organization: parts.organization,
    service: parts.service,
    software: parts.software,
    registration: service.registration,
    load: service.load === 'open' ? 'open' : 'unknown',
    locality,
    place: (member.place ??= placeOf(org)),
  };
  if (service.categoryBasis) host.categoryBasis = service.categoryBasis;
  if (entry.endDate) host.endDate = entry.endDate;
  return host;
}

const ACCESS_RANK: Record<Registration, 0 | 1 | 2 | 3> = {
  none: 0,
  free: 0,
  member: 1,
  client: 2,
  unknown: 3,
};

/**
 * Builds the lookup once per snapshot. Services that are full, or that have neither a URL of
 * their own nor an organisation website, are left out: they cannot be offered to anyone. The
 * index holds what ranking needs (categories, access, place, end dates); the objects a query
 * returns are made the first time it returns them.
 */
export function indexDirectory(snapshot: DirectorySnapshot): DirectoryIndex {
  // Organisations by name, their services by name (as the build writes them), then stable
  // buckets by access: every category list is filled in that order and needs no sort of its own.
  const buckets: Entry[][] = [[], [], [], []];
  for (const org of inHostOrder(snapshot.organizations)) {
    const { countryCode, departement, region } = org.place;
    const member: Member = {
      org,
      countryCode: countryCode ?? (departement || region ? 'FR' : undefined),
      departement,
      region,
      place: undefined,
      organization: undefined,
    };
    for (const service of inHostOrder(org.services)) {
      if (
        service.load === 'full' ||
        service.categories.length === 0 ||
        (service.url ?? org.website) === undefined
      )
        continue;
      const endDate =
        service.endDate && org.endDate
          ? service.endDate < org.endDate
            ? service.endDate
            : org.endDate
          : (service.endDate ?? org.endDate);
      buckets[ACCESS_RANK[service.registration]]!.push({
        member,
        service,
        parts: undefined,
        endDate,
        ranked: undefined,
      });
    }
  }
  const byCategory = new Map<string, Entry[]>();
  let hostCount = 0;
  for (const bucket of buckets) {
    for (const entry of bucket) {
      hostCount += 1;
      for (const category of entry.service.categories) {
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

function localityOf(member: Member, user: ParsedRegion | null): Locality {
  if (user === null) return 'national';
  if (member.countryCode === undefined) return 'national'; // place unknown: somewhere, maybe here
  if (user.kind === 'departement' && member.departement === user.departement) return 'local';
  if (user.region !== undefined && member.region === user.region) return 'regional';
  return member.countryCode === user.countryCode ? 'national' : 'elsewhere';
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
    const locality = localityOf(entry.member, user);
    const group = GROUP[locality];
    const ranked = ((entry.ranked ??= [undefined, undefined, undefined, undefined])[group] ??= rankedOf(
      entry,
      locality,
    ));
    groups[group]!.push(ranked);
  }
  return groups.flat();
}
