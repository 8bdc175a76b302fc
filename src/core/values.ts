// Small checks shared by every reader of stored, imported or sent values (settings, local
// corrections, the catalogue, the protocol): one definition each.

/** A plain object (not null, not an array): what a record read from JSON must be. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Catalogue ids (services, needs, software): lower-case words joined by single hyphens. */
export const CATALOGUE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_CATALOGUE_ID = 80;

export function isCatalogueId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_CATALOGUE_ID && CATALOGUE_ID.test(value);
}

/** Each step turns the record of one version into the next version's. */
export type Migrations = Record<number, (old: Record<string, unknown>) => Record<string, unknown>>;

/**
 * A versioned record brought to `current`: older ones migrated one step at a time (a record with
 * no version is version 0). One written by a newer Matou is read as the current version, and
 * `versionProblem` is reported, so that what still reads is kept.
 */
export function migrateRecord(
  record: Record<string, unknown>,
  current: number,
  migrations: Migrations,
  dropped: string[],
  versionProblem: string,
): Record<string, unknown> {
  let version = typeof record.version === 'number' && Number.isInteger(record.version) ? record.version : 0;
  if (version > current) {
    dropped.push(versionProblem);
    version = current;
  }
  let migrated = record;
  while (version < current) {
    const step = migrations[version];
    if (!step) break;
    migrated = step(migrated);
    version += 1;
  }
  return migrated;
}

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/** A hostname as Matou keeps it (lower case, no trailing dot), or null. */
export function normaliseHostname(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const host = value.trim().toLowerCase().replace(/\.$/, '');
  return HOSTNAME.test(host) ? host : null;
}
