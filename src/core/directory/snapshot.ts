// Reading a snapshot from anywhere (the bundled file, the browser's storage, a download):
// the header must be valid, entries that fail the schema are dropped one by one (an
// organisation with a hostile field goes with its services; a hostile service goes alone), a
// trust fact that fails goes alone (its entry is kept without it), the counts are recomputed for
// what is kept, and the result validates against `snapshotSchema`.

import * as v from 'valibot';
import { byKey } from './order';
import { isPlainValidSnapshot } from './snapshot-fast-path';
import {
  LIMITS,
  SNAPSHOT_SCHEMA_VERSION,
  countsSchema,
  describeIssue,
  fundingSchema,
  organizationFactsEntries,
  serviceFactsEntries,
  organizationSchema,
  serviceSchema,
  snapshotSchema,
  sourceSchema,
  warningSchema,
  type DirectoryOrganization,
  type DirectoryService,
  type DirectorySnapshot,
  type DirectoryWarning,
} from './schema';

export type ParseSnapshotResult =
  | {
      ok: true;
      snapshot: DirectorySnapshot;
      /** What was dropped, in plain words (empty when nothing). */ dropped: string[];
    }
  | { ok: false; reason: string };

const headerSchema = v.object({
  schemaVersion: snapshotSchema.entries.schemaVersion,
  builtAt: snapshotSchema.entries.builtAt,
  changedAt: snapshotSchema.entries.changedAt,
  generator: snapshotSchema.entries.generator,
  source: sourceSchema,
  organizations: v.array(v.unknown()),
});

const organizationHeaderSchema = v.object({
  ...organizationSchema.entries,
  services: v.array(v.unknown()),
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function label(raw: unknown, fallback: string): string {
  if (!isRecord(raw)) return fallback;
  const id = typeof raw.id === 'string' ? raw.id.slice(0, 64).replace(/[^\w.-]/g, '?') : '';
  return id.length > 0 ? id : fallback;
}

/**
 * The entry with only the facts that pass, one by one (a bad funding link goes alone too); each
 * one dropped is noted. Unknown keys are left for the schema (which ignores them).
 */
function withGoodFacts(
  raw: unknown,
  entries: typeof serviceFactsEntries.entries | typeof organizationFactsEntries.entries,
  what: string,
  note: (text: string) => void,
): unknown {
  if (!isRecord(raw) || raw.facts === undefined) return raw;
  const { facts, ...entry } = raw;
  if (!isRecord(facts)) {
    note(`${what}: facts (not an object)`);
    return entry;
  }
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(facts)) {
    if (!Object.hasOwn(entries, key)) continue;
    if (key === 'funding' && Array.isArray(value)) {
      const links = value.filter((link, i) => {
        const ok = v.safeParse(fundingSchema, link).success;
        if (!ok) note(`${what}: facts.funding link #${i + 1}`);
        return ok;
      });
      if (links.length === 0) continue;
      kept[key] = links.slice(0, LIMITS.fundingLinks);
      continue;
    }
    const checked = v.safeParse(entries[key as keyof typeof entries], value);
    if (checked.success) kept[key] = checked.output;
    else note(`${what}: facts.${key} (${describeIssue(checked.issues[0]!)})`);
  }
  return Object.keys(kept).length > 0 ? { ...entry, facts: kept } : entry;
}

/** Validates a snapshot (already JSON-parsed), dropping bad entries and bad facts. Never throws. */
export function parseSnapshot(raw: unknown): ParseSnapshotResult {
  try {
    return parse(raw);
  } catch (error) {
    return { ok: false, reason: `unreadable snapshot (${String(error).slice(0, 200)})` };
  }
}

function parse(raw: unknown): ParseSnapshotResult {
  if (!isRecord(raw)) return { ok: false, reason: 'not a JSON object' };
  if (raw.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) {
    return {
      ok: false,
      reason: `schema version ${JSON.stringify(raw.schemaVersion)?.slice(0, 20) ?? 'missing'} is not ${SNAPSHOT_SCHEMA_VERSION}`,
    };
  }
  // The common case: the whole file is valid. Only when it is not, go entry by entry. A plain,
  // fully valid file is recognised without valibot (much faster; the schema decides otherwise).
  const whole = isPlainValidSnapshot(raw)
    ? { success: true as const, output: raw }
    : v.safeParse(snapshotSchema, raw);
  if (whole.success) {
    const counts = recount(whole.output.organizations, whole.output.counts, true);
    if (counts) return { ok: true, snapshot: { ...whole.output, counts }, dropped: [] };
  }
  const header = v.safeParse(headerSchema, raw);
  if (!header.success) {
    return {
      ok: false,
      reason: `invalid snapshot: ${header.issues.slice(0, 3).map(describeIssue).join('; ')}`,
    };
  }
  if (header.output.organizations.length > LIMITS.organizations) {
    return { ok: false, reason: `more than ${LIMITS.organizations} organisations` };
  }

  const dropped: string[] = [];
  const note = (text: string) => {
    if (dropped.length < 50) dropped.push(text);
  };
  const organizations: DirectoryOrganization[] = [];
  const seenOrgs = new Set<string>();
  header.output.organizations.forEach((rawOrg, i) => {
    const org = v.safeParse(
      organizationHeaderSchema,
      withGoodFacts(
        rawOrg,
        organizationFactsEntries.entries,
        `organisation ${label(rawOrg, `#${i + 1}`)}`,
        note,
      ),
    );
    if (!org.success) {
      note(`organisation ${label(rawOrg, `#${i + 1}`)} (${describeIssue(org.issues[0]!)})`);
      return;
    }
    if (seenOrgs.has(org.output.id)) {
      note(`organisation ${org.output.id} (listed twice)`);
      return;
    }
    if (org.output.services.length > LIMITS.servicesPerOrganization) {
      note(`organisation ${org.output.id} (more than ${LIMITS.servicesPerOrganization} services)`);
      return;
    }
    seenOrgs.add(org.output.id);
    const services: DirectoryService[] = [];
    const seenServices = new Set<string>();
    org.output.services.forEach((rawService, j) => {
      const what = `service ${org.output.id}/${label(rawService, `#${j + 1}`)}`;
      const service = v.safeParse(
        serviceSchema,
        withGoodFacts(rawService, serviceFactsEntries.entries, what, note),
      );
      if (!service.success) {
        note(`${what} (${describeIssue(service.issues[0]!)})`);
        return;
      }
      if (seenServices.has(service.output.id)) {
        note(`service ${org.output.id}/${service.output.id} (listed twice)`);
        return;
      }
      seenServices.add(service.output.id);
      services.push(service.output);
    });
    organizations.push({ ...org.output, services });
  });

  const warnings: DirectoryWarning[] = [];
  if (Array.isArray(raw.warnings)) {
    for (const w of raw.warnings.slice(0, LIMITS.warnings)) {
      const parsed = v.safeParse(warningSchema, w);
      if (parsed.success) warnings.push(parsed.output);
    }
  }
  const givenCounts = v.safeParse(countsSchema, raw.counts);
  const counts = recount(organizations, givenCounts.success ? givenCounts.output : undefined);

  const snapshot = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    builtAt: header.output.builtAt,
    ...(header.output.changedAt !== undefined ? { changedAt: header.output.changedAt } : {}),
    generator: header.output.generator,
    source: header.output.source,
    counts,
    warnings,
    organizations,
  };
  const final = v.safeParse(snapshotSchema, snapshot);
  if (!final.success) return { ok: false, reason: `invalid snapshot: ${describeIssue(final.issues[0]!)}` };
  return { ok: true, snapshot: final.output, dropped };
}

/** Counts for what is actually in the snapshot; build-time figures (exclusions…) are kept when valid. */
function recount(
  organizations: readonly DirectoryOrganization[],
  given: DirectorySnapshot['counts'] | undefined,
  checkIds: true,
): DirectorySnapshot['counts'] | null;
function recount(
  organizations: readonly DirectoryOrganization[],
  given: DirectorySnapshot['counts'] | undefined,
): DirectorySnapshot['counts'];
/** Counts; with `checkIds`, null when an organisation id, or a service id within one, repeats. */
function recount(
  organizations: readonly DirectoryOrganization[],
  given: DirectorySnapshot['counts'] | undefined,
  checkIds = false,
): DirectorySnapshot['counts'] | null {
  const categories = new Map<string, number>();
  let services = 0;
  let uncategorized = 0;
  let withoutUrl = 0;
  const orgIds = new Set<string>();
  const serviceIds = new Set<string>(); // one set, emptied for each organisation
  for (const org of organizations) {
    if (checkIds) {
      if (orgIds.has(org.id)) return null;
      orgIds.add(org.id);
      serviceIds.clear();
    }
    for (const service of org.services) {
      if (checkIds) {
        if (serviceIds.has(service.id)) return null;
        serviceIds.add(service.id);
      }
      services += 1;
      if (service.categories.length === 0) uncategorized += 1;
      if (service.url === undefined) withoutUrl += 1;
      for (const c of service.categories) categories.set(c, (categories.get(c) ?? 0) + 1);
    }
  }
  return {
    organizations: organizations.length,
    services,
    categories: Object.fromEntries([...categories].sort(byKey)),
    uncategorized,
    withoutUrl,
    excludedOrganizations: given?.excludedOrganizations ?? 0,
    excludedServices: given?.excludedServices ?? 0,
    unknownSoftware: given?.unknownSoftware ?? 0,
    skippedFiles: given?.skippedFiles ?? 0,
    warnings: given?.warnings ?? 0,
  };
}
