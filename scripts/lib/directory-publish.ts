// What `npm run directory:publish` decides: how a new snapshot differs from the one published
// before (organisations and services added, removed, changed), whether it looks broken (the
// guards), and the files it writes (snapshot, snapshot.meta.json, the change report).
// Comparing and guarding are pure; reading the previous copy and writing files are Node-only.

import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseSnapshot } from '../../src/core/directory/snapshot';
import type {
  DirectoryOrganization,
  DirectoryService,
  DirectorySnapshot,
} from '../../src/core/directory/schema';
import { decodeText, fetchText, type FetchSettings } from './directory-fetch';

/** Names of the files written into `--out`. */
export const PUBLISHED_FILES = {
  snapshot: 'snapshot.json',
  meta: 'snapshot.meta.json',
  report: 'report.md',
} as const;

export interface GuardOptions {
  /** Refuse when fewer organisations are kept. */
  minOrganizations: number;
  /** Refuse when more than this share (percent) of the previous organisations, or services, is gone. */
  maxLossPercent: number;
}

export const DEFAULT_GUARDS: GuardOptions = { minOrganizations: 1, maxLossPercent: 20 };

// ---- comparing two snapshots ---------------------------------------------------------------

export interface EntryRef {
  id: string;
  name: string;
}

export interface OrganizationChange extends EntryRef {
  /** Fields of the organisation itself that differ (`name`, `website`, `place`, `type`…). */
  fields: string[];
  addedServices: EntryRef[];
  removedServices: EntryRef[];
  changedServices: Array<EntryRef & { fields: string[] }>;
}

export interface SnapshotChanges {
  addedOrganizations: Array<EntryRef & { services: number }>;
  removedOrganizations: Array<EntryRef & { services: number }>;
  changedOrganizations: OrganizationChange[];
  /** All services added or removed, including those of added or removed organisations. */
  servicesAdded: number;
  servicesRemoved: number;
  servicesChanged: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Keys whose values differ, `from` aside (where a file was read is not content); the trust
 * facts are named one by one (`facts.legalUrl`).
 */
function changedFields(before: object, after: object, skip: ReadonlySet<string>, prefix = ''): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const out: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (skip.has(key) || same(a[key], b[key])) continue;
    if (key === 'facts' && prefix === '')
      out.push(...changedFields((a[key] as object) ?? {}, (b[key] as object) ?? {}, skip, 'facts.'));
    else out.push(`${prefix}${key}`);
  }
  return out.sort();
}

const ORG_SKIP = new Set(['services', 'from']);
const SERVICE_SKIP = new Set(['from']);
const byName = (a: EntryRef, b: EntryRef) => a.name.localeCompare(b.name, 'fr') || a.id.localeCompare(b.id);

/** Organisations are matched by id, services by id within their organisation. */
export function compareSnapshots(
  previous: DirectorySnapshot | null,
  next: DirectorySnapshot,
): SnapshotChanges {
  const changes: SnapshotChanges = {
    addedOrganizations: [],
    removedOrganizations: [],
    changedOrganizations: [],
    servicesAdded: 0,
    servicesRemoved: 0,
    servicesChanged: 0,
  };
  const before = new Map((previous?.organizations ?? []).map((o) => [o.id, o]));
  const after = new Map(next.organizations.map((o) => [o.id, o]));
  for (const [id, org] of after) {
    const old = before.get(id);
    if (!old) {
      changes.addedOrganizations.push({ id, name: org.name, services: org.services.length });
      changes.servicesAdded += org.services.length;
      continue;
    }
    const change = compareOrganization(old, org);
    changes.servicesAdded += change.addedServices.length;
    changes.servicesRemoved += change.removedServices.length;
    changes.servicesChanged += change.changedServices.length;
    if (
      change.fields.length +
        change.addedServices.length +
        change.removedServices.length +
        change.changedServices.length >
      0
    ) {
      changes.changedOrganizations.push(change);
    }
  }
  for (const [id, org] of before) {
    if (after.has(id)) continue;
    changes.removedOrganizations.push({ id, name: org.name, services: org.services.length });
    changes.servicesRemoved += org.services.length;
  }
  changes.addedOrganizations.sort(byName);
  changes.removedOrganizations.sort(byName);
  changes.changedOrganizations.sort(byName);
  return changes;
}

function compareOrganization(old: DirectoryOrganization, org: DirectoryOrganization): OrganizationChange {
  const change: OrganizationChange = {
    id: org.id,
    name: org.name,
    fields: changedFields(old, org, ORG_SKIP),
    addedServices: [],
    removedServices: [],
    changedServices: [],
  };
  const oldServices = new Map<string, DirectoryService>(old.services.map((s) => [s.id, s]));
  const newIds = new Set(org.services.map((s) => s.id));
  for (const service of org.services) {
    const was = oldServices.get(service.id);
    if (!was) change.addedServices.push({ id: service.id, name: service.name });
    else {
      const fields = changedFields(was, service, SERVICE_SKIP);
      if (fields.length > 0) change.changedServices.push({ id: service.id, name: service.name, fields });
    }
  }
  for (const service of old.services)
    if (!newIds.has(service.id)) change.removedServices.push({ id: service.id, name: service.name });
  change.addedServices.sort(byName);
  change.removedServices.sort(byName);
  change.changedServices.sort(byName);
  return change;
}

export function hasChanges(changes: SnapshotChanges): boolean {
  return (
    changes.addedOrganizations.length +
      changes.removedOrganizations.length +
      changes.changedOrganizations.length >
    0
  );
}

// ---- the guards ----------------------------------------------------------------------------

export interface GuardResult {
  rule: 'min-organizations' | 'organizations-lost' | 'services-lost' | 'category-emptied';
  ok: boolean;
  /** One sentence with the figures. */
  detail: string;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);
const fmtPercent = (n: number) => `${n.toFixed(1).replace(/\.0$/, '')} %`;

/** Every rule, passed or not, so that the report shows what was checked. */
export function checkGuards(
  previous: DirectorySnapshot | null,
  next: DirectorySnapshot,
  changes: SnapshotChanges,
  options: GuardOptions,
): GuardResult[] {
  const results: GuardResult[] = [];
  const orgs = next.counts.organizations;
  results.push({
    rule: 'min-organizations',
    ok: orgs >= options.minOrganizations,
    detail: `${orgs} organisations kept (at least ${options.minOrganizations} required)`,
  });
  if (!previous) return results;
  const prevOrgs = previous.counts.organizations;
  const lostOrgs = changes.removedOrganizations.length;
  results.push({
    rule: 'organizations-lost',
    ok: percent(lostOrgs, prevOrgs) <= options.maxLossPercent,
    detail: `${lostOrgs} of ${prevOrgs} organisations gone (${fmtPercent(percent(lostOrgs, prevOrgs))}; at most ${options.maxLossPercent} % allowed)`,
  });
  const prevServices = previous.counts.services;
  const lostServices = changes.servicesRemoved;
  results.push({
    rule: 'services-lost',
    ok: percent(lostServices, prevServices) <= options.maxLossPercent,
    detail: `${lostServices} of ${prevServices} services gone (${fmtPercent(percent(lostServices, prevServices))}; at most ${options.maxLossPercent} % allowed)`,
  });
  const emptied = Object.entries(previous.counts.categories)
    .filter(([category, n]) => n > 0 && (next.counts.categories[category] ?? 0) === 0)
    .map(([category, n]) => `${category} (had ${n})`)
    .sort();
  results.push({
    rule: 'category-emptied',
    ok: emptied.length === 0,
    detail:
      emptied.length === 0
        ? 'every need that had hosts still has some'
        : `needs left without any host: ${emptied.join(', ')}`,
  });
  return results;
}

// ---- the previous copy ---------------------------------------------------------------------

export type PreviousResult =
  | { ok: true; snapshot: DirectorySnapshot; sha256: string; dropped: string[] }
  | { ok: false; reason: string };

export function sha256(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads the previously published snapshot from a URL or a path. Never throws. */
export async function loadPrevious(ref: string, settings: FetchSettings): Promise<PreviousResult> {
  let text: string;
  if (/^https?:\/\//i.test(ref)) {
    const loaded = await fetchText(ref, settings);
    if (!loaded.ok) return { ok: false, reason: `previous snapshot ${ref}: ${loaded.reason}` };
    text = loaded.text;
  } else {
    try {
      text = decodeText(await readFile(resolve(ref)));
    } catch (error) {
      return {
        ok: false,
        reason: `previous snapshot ${ref}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      };
    }
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: `previous snapshot ${ref}: not JSON` };
  }
  const parsed = parseSnapshot(raw);
  if (!parsed.ok) return { ok: false, reason: `previous snapshot ${ref}: ${parsed.reason}` };
  return { ok: true, snapshot: parsed.snapshot, sha256: sha256(text), dropped: parsed.dropped };
}

// ---- what is written -----------------------------------------------------------------------

export interface SnapshotMeta {
  schemaVersion: number;
  builtAt: string;
  changedAt: string;
  federation: string;
  counts: {
    organizations: number;
    services: number;
    categories: Record<string, number>;
    skippedFiles: number;
    warnings: number;
  };
  /** Of `snapshot.json` as written, in hex. */
  sha256: string;
  bytes: number;
  previous: null | { builtAt: string; sha256: string };
  changes: {
    organizationsAdded: number;
    organizationsRemoved: number;
    organizationsChanged: number;
    servicesAdded: number;
    servicesRemoved: number;
    servicesChanged: number;
  };
}

export function snapshotMeta(
  snapshot: DirectorySnapshot,
  text: string,
  previous: { snapshot: DirectorySnapshot; sha256: string } | null,
  changes: SnapshotChanges,
): SnapshotMeta {
  const c = snapshot.counts;
  return {
    schemaVersion: snapshot.schemaVersion,
    builtAt: snapshot.builtAt,
    changedAt: snapshot.changedAt ?? snapshot.builtAt,
    federation: snapshot.source.federation,
    counts: {
      organizations: c.organizations,
      services: c.services,
      categories: c.categories,
      skippedFiles: c.skippedFiles,
      warnings: c.warnings,
    },
    sha256: sha256(text),
    bytes: Buffer.byteLength(text),
    previous: previous ? { builtAt: previous.snapshot.builtAt, sha256: previous.sha256 } : null,
    changes: {
      organizationsAdded: changes.addedOrganizations.length,
      organizationsRemoved: changes.removedOrganizations.length,
      organizationsChanged: changes.changedOrganizations.length,
      servicesAdded: changes.servicesAdded,
      servicesRemoved: changes.servicesRemoved,
      servicesChanged: changes.servicesChanged,
    },
  };
}

/** Writes files into `dir` atomically, each through a temporary file then a rename. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  const target = resolve(dir);
  await mkdir(target, { recursive: true });
  const names = Object.keys(files);
  for (const name of names) await writeFile(join(target, `${name}.${process.pid}.tmp`), files[name]!, 'utf8');
  for (const name of names) await rename(join(target, `${name}.${process.pid}.tmp`), join(target, name));
}

// ---- the report ----------------------------------------------------------------------------

export interface ReportInput {
  verdict: 'published' | 'refused';
  /** Why it was refused, when not by a guard (federation unreadable, previous unreadable…). */
  failure?: string;
  federation: string;
  previousRef?: string;
  previous: DirectorySnapshot | null;
  next: DirectorySnapshot | null;
  changes: SnapshotChanges | null;
  guards: GuardResult[];
}

const SKIP_CODES = new Set([
  'unreachable',
  'timeout',
  'http-error',
  'oversized',
  'refused',
  'empty',
  'not-properties',
  'duplicate',
]);

const services = (n: number) => `${n} service${n === 1 ? '' : 's'}`;

function list(items: string[], max = 200): string[] {
  if (items.length === 0) return ['- none'];
  const shown = items.slice(0, max).map((i) => `- ${i}`);
  if (items.length > max) shown.push(`- … and ${items.length - max} more`);
  return shown;
}

/** The human-readable report: verdict, guards, what changed, what was skipped. Markdown. */
export function formatReport(input: ReportInput): string {
  const { next, previous, changes } = input;
  const lines: string[] = [];
  lines.push(
    `# CHATONS directory: ${input.verdict === 'published' ? 'published' : 'NOT published (refused)'}`,
    '',
  );
  lines.push(`- federation: ${input.federation}`);
  lines.push(
    `- previous snapshot: ${input.previousRef ?? 'none (first publication)'}${previous ? `, built ${previous.builtAt}` : ''}`,
  );
  if (next)
    lines.push(
      `- new snapshot: built ${next.builtAt}${next.changedAt ? `, content changed ${next.changedAt}` : ''}`,
    );
  if (previous && next) {
    lines.push(
      `- organisations: ${previous.counts.organizations} -> ${next.counts.organizations}; services: ${previous.counts.services} -> ${next.counts.services}`,
    );
  } else if (next) {
    lines.push(`- organisations: ${next.counts.organizations}; services: ${next.counts.services}`);
  }
  if (input.verdict === 'refused') {
    lines.push(
      '',
      'The previously published snapshot was left in place; extensions keep the copy they have.',
    );
  }
  if (input.failure) lines.push('', `**Refused:** ${input.failure}`);
  if (input.guards.length > 0) {
    lines.push('', '## Guards', '');
    for (const g of input.guards) lines.push(`- ${g.ok ? 'ok' : '**REFUSED**'} ${g.rule}: ${g.detail}`);
  }
  if (changes) {
    lines.push('', '## Changes', '');
    lines.push(
      `${changes.addedOrganizations.length} organisations added, ${changes.removedOrganizations.length} removed, ${changes.changedOrganizations.length} changed; ` +
        `${changes.servicesAdded} services added, ${changes.servicesRemoved} removed, ${changes.servicesChanged} changed.`,
    );
    lines.push(
      '',
      '### Organisations added',
      '',
      ...list(changes.addedOrganizations.map((o) => `${o.name} (${o.id}), ${services(o.services)}`)),
    );
    lines.push(
      '',
      '### Organisations removed',
      '',
      ...list(changes.removedOrganizations.map((o) => `${o.name} (${o.id}), ${services(o.services)}`)),
    );
    lines.push('', '### Organisations changed', '');
    if (changes.changedOrganizations.length === 0) lines.push('- none');
    for (const o of changes.changedOrganizations.slice(0, 300)) {
      lines.push(`- ${o.name} (${o.id})${o.fields.length > 0 ? `: ${o.fields.join(', ')}` : ''}`);
      for (const s of o.addedServices) lines.push(`  - service added: ${s.name} (${s.id})`);
      for (const s of o.removedServices) lines.push(`  - service removed: ${s.name} (${s.id})`);
      for (const s of o.changedServices)
        lines.push(`  - service changed: ${s.name} (${s.id}): ${s.fields.join(', ')}`);
    }
  }
  if (next) {
    const skipped = next.warnings.filter((w) => SKIP_CODES.has(w.code));
    lines.push('', `## Files skipped (${next.counts.skippedFiles})`, '');
    lines.push(...list(skipped.map((w) => `${w.message}${w.at ? ` (${w.at})` : ''}`)));
    lines.push(
      '',
      `Warnings in all: ${next.counts.warnings} (the snapshot keeps the first ${next.warnings.length}).`,
    );
  }
  return `${lines.join('\n')}\n`;
}
