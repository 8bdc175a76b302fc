// "This is my host now": the host the user says they use for a need, at most one per need.
// Stored on the device only (`myHosts` in local storage), exported and imported with the
// settings, read field by field like every stored record. Each choice keeps the names and the
// address it was made with, so that it survives a directory copy that no longer lists the host
// (the views then say so) and is never silently dropped.
import type { RankedHost } from './directory/rank';
import { ID_PATTERN } from './directory/text';
import { cleanText, httpUrl } from './text';
import { isCatalogueId, isObject, migrateRecord, type Migrations } from './values';

export const MY_HOSTS_VERSION = 1;
const MAX_CHOICES = 200;
const MAX_NAME = 200;

export interface MyHost {
  /** The need (catalogue category id) this host answers for the user. */
  category: string;
  organization: { id: string; name: string };
  service: { id: string; name: string; url: string };
  /** When the user chose it, ISO date-time. */
  chosenAt: string;
}

export interface MyHosts {
  version: typeof MY_HOSTS_VERSION;
  /** One per need, sorted by need. */
  hosts: MyHost[];
}

export const NO_MY_HOSTS: MyHosts = { version: MY_HOSTS_VERSION, hosts: [] };

export interface MyHostsReadResult {
  myHosts: MyHosts;
  /** What was present but unusable, and left out. */
  dropped: string[];
}

/** No earlier layout exists yet: a record without a version is read as version 1. */
const MIGRATIONS: Migrations = { 0: (old) => ({ ...old, version: 1 }) };

/** Organisation and service ids are the directory's. */
const directoryId = (value: unknown): string | null =>
  typeof value === 'string' && ID_PATTERN.test(value) ? value : null;

const name = (value: unknown): string | null => cleanText(value, MAX_NAME) ?? null;

function readChoice(raw: unknown, isCategory: (id: string) => boolean): MyHost | null {
  if (!isObject(raw) || !isObject(raw.organization) || !isObject(raw.service)) return null;
  const category = isCatalogueId(raw.category) && isCategory(raw.category) ? raw.category : null;
  const orgId = directoryId(raw.organization.id);
  const orgName = name(raw.organization.name);
  const serviceId = directoryId(raw.service.id);
  const serviceName = name(raw.service.name);
  const url = typeof raw.service.url === 'string' ? httpUrl(raw.service.url) : undefined;
  const chosenAt =
    typeof raw.chosenAt === 'string' && !Number.isNaN(Date.parse(raw.chosenAt)) ? raw.chosenAt : null;
  if (!category || !orgId || !orgName || !serviceId || !serviceName || !url || !chosenAt) return null;
  return {
    category,
    organization: { id: orgId, name: orgName },
    service: { id: serviceId, name: serviceName, url },
    chosenAt: new Date(chosenAt).toISOString(),
  };
}

/** Whatever storage (or a file) holds, as valid choices. Never throws; a bad entry alone is dropped. */
export function readMyHosts(raw: unknown, isCategory: (id: string) => boolean): MyHostsReadResult {
  const dropped: string[] = [];
  if (raw === undefined || raw === null) return { myHosts: NO_MY_HOSTS, dropped };
  if (!isObject(raw)) return { myHosts: NO_MY_HOSTS, dropped: ['myHosts'] };
  const record = migrateRecord(raw, MY_HOSTS_VERSION, MIGRATIONS, dropped, 'myHosts.version');
  if (!Array.isArray(record.hosts)) {
    if (record.hosts !== undefined) dropped.push('myHosts.hosts');
    return { myHosts: NO_MY_HOSTS, dropped };
  }
  const byNeed = new Map<string, MyHost>();
  let bad = false;
  for (const item of record.hosts.slice(0, MAX_CHOICES)) {
    const choice = readChoice(item, isCategory);
    if (choice) byNeed.set(choice.category, choice);
    else bad = true;
  }
  if (bad) dropped.push('myHosts.hosts[]');
  return { myHosts: sorted([...byNeed.values()]), dropped };
}

const sorted = (hosts: MyHost[]): MyHosts => ({
  version: MY_HOSTS_VERSION,
  hosts: hosts.sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : 0)),
});

/** The choice "I use this one" makes of a ranked host, for `category`. */
export function choiceOf(host: RankedHost, category: string, at: Date): MyHost {
  return {
    category,
    organization: { id: host.organization.id, name: host.organization.name },
    service: { id: host.service.id, name: host.service.name, url: host.service.url },
    chosenAt: at.toISOString(),
  };
}

/** `choice` becomes the host for its need (replacing any other for that need). */
export function withMyHost(current: MyHosts, choice: MyHost): MyHosts {
  return sorted([...current.hosts.filter((host) => host.category !== choice.category), choice]);
}

export function withoutMyHost(current: MyHosts, category: string): MyHosts {
  return sorted(current.hosts.filter((host) => host.category !== category));
}

/** Choices from an imported file, over the current ones: the file's replace those for the same needs. */
export function mergeMyHosts(current: MyHosts, incoming: MyHosts): MyHosts {
  return incoming.hosts.reduce(withMyHost, current);
}

/** The same host (organisation and service) as a ranked one? */
export function isSameHost(
  choice: { organization: { id: string }; service: { id: string } },
  host: RankedHost,
): boolean {
  return choice.organization.id === host.organization.id && choice.service.id === host.service.id;
}
