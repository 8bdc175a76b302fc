// Ranking: which hosts to show for a need, nearest first. The index is built once per snapshot
// (hosts grouped by category and pre-sorted by access then name); a query walks only the hosts
// of its category once, placing each in its locality group.

import { parseRegion, type ParsedRegion } from '../regions';
import type { DirectorySnapshot, Registration } from './schema';

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

export interface RankedHost {
  organization: { id: string; name: string; website?: string };
  service: {
    id: string;
    name: string;
    /** The service's own URL, or the organisation's website when the service gives none (see `urlSource`). */
    url: string;
    urlSource: 'service' | 'organization';
  };
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

const ACCESS_RANK: Record<Registration, number> = { none: 0, free: 0, member: 1, client: 2, unknown: 3 };

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Builds the lookup once per snapshot. Services that are full, or that have neither a URL of
 * their own nor an organisation website, are left out: they cannot be offered to anyone.
 */
export function indexDirectory(snapshot: DirectorySnapshot): DirectoryIndex {
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  const byCategory = new Map<string, Array<Entry & { access: number }>>();
  let hostCount = 0;
  for (const org of snapshot.organizations) {
    const { countryCode, departement, region, city } = org.place;
    const place: HostPlace = {
      ...(countryCode ? { countryCode } : {}),
      ...(departement ? { departement } : {}),
      ...(region ? { region } : {}),
      ...(city ? { city } : {}),
      known: countryCode !== undefined || departement !== undefined || region !== undefined,
      precision: departement ? 'departement' : region ? 'region' : countryCode ? 'country' : 'unknown',
    };
    const organization = { id: org.id, name: org.name, ...(org.website ? { website: org.website } : {}) };
    for (const service of org.services) {
      if (service.load === 'full' || service.categories.length === 0) continue;
      const url = service.url ?? org.website;
      if (url === undefined) continue;
      const endDate =
        service.endDate && org.endDate
          ? service.endDate < org.endDate
            ? service.endDate
            : org.endDate
          : (service.endDate ?? org.endDate);
      const host: IndexedHost = deepFreeze({
        organization,
        service: {
          id: service.id,
          name: service.name,
          url,
          urlSource: service.url !== undefined ? ('service' as const) : ('organization' as const),
        },
        software: { ...(service.software.id ? { id: service.software.id } : {}), name: service.software.name ?? '' },
        registration: service.registration,
        load: service.load,
        place,
        ...(service.categoryBasis ? { categoryBasis: service.categoryBasis } : {}),
        ...(endDate ? { endDate } : {}),
      });
      hostCount += 1;
      const entry = {
        host,
        countryCode: countryCode ?? (departement || region ? 'FR' : undefined),
        departement,
        region,
        endDate,
        access: ACCESS_RANK[service.registration],
      };
      for (const category of service.categories) {
        let list = byCategory.get(category);
        if (!list) byCategory.set(category, (list = []));
        list.push(entry);
      }
    }
  }
  for (const list of byCategory.values()) {
    list.sort(
      (a, b) =>
        a.access - b.access ||
        collator.compare(a.host.organization.name, b.host.organization.name) ||
        collator.compare(a.host.service.name, b.host.service.name) ||
        (a.host.organization.id < b.host.organization.id ? -1 : a.host.organization.id > b.host.organization.id ? 1 : 0) ||
        (a.host.service.id < b.host.service.id ? -1 : a.host.service.id > b.host.service.id ? 1 : 0),
    );
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
    groups[GROUP[locality]]!.push({ ...entry.host, locality });
  }
  return groups.flat();
}
