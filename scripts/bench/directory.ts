// npm run bench:directory
//
// Times the directory pipeline on the bundled snapshot and on synthetic directories 10× and
// 100× the real collective (about 100 members and 1,000 services): build (normalise crawled
// files), load (JSON.parse + schema validation), index, the first query on a fresh index (it
// makes the hosts it returns) and one query (median of many). The same 10× directory without
// its trust facts, in the same run, is the size before they were carried. Load + index is also
// timed once in each of a few fresh processes (directory-cold.ts): what a background that has just
// started pays, with none of the code optimised yet; the target is on the best of warm runs, the
// figure of the code itself, as it was when the target was set.
// Targets at 10×: load + index under 50 ms, one query under 1 ms, snapshot at most 25 % larger
// than without the trust facts.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { catalogue } from '../../src/catalogue/index';
import { DEPARTEMENTS } from '../../src/core/regions/index';
import {
  normalizeFederation,
  type CrawledFederation,
  type CrawledOrganization,
} from '../../src/core/directory/normalize';
import { indexDirectory, rankHosts } from '../../src/core/directory/rank';
import { parseSnapshot } from '../../src/core/directory/snapshot';
import { crawlFederation } from '../lib/directory-crawl';
import { BUNDLED_FEDERATION } from '../lib/directory-bundled';
import { mulberry32 } from '../lib/prng';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COLD_SCRIPT = fileURLToPath(new URL('./directory-cold.ts', import.meta.url));

export interface DirectoryBenchRow {
  label: string;
  organizations: number;
  services: number;
  snapshotBytes: number;
  /** The same file gzipped (what a download moves). */
  snapshotGzipBytes: number;
  buildMs: number;
  loadMs: number;
  indexMs: number;
  /** Load then index in one go: best, and median, of the same runs. */
  loadAndIndexMs: number;
  loadAndIndexMedianMs: number;
  /** The first query on a fresh index, for the need with the most hosts (it makes their objects). */
  firstQueryUs: number;
  queryMedianUs: number;
  queryP95Us: number;
  /** Hosts returned by the median-sized query (for scale). */
  hostsPerQuery: number;
  /**
   * Load + index once in a fresh process (directory-cold.ts), as a background that has just
   * started: the median of COLD_PROCESSES processes, and of its parts. Absent for the 100× row.
   */
  cold?: { totalMs: number; parseMs: number; validateMs: number; indexMs: number };
}

export interface DirectoryBenchResult {
  rows: DirectoryBenchRow[];
  targets: { loadAndIndexMs: number; queryMs: number; sizeGrowthPercent: number };
  /** 10× snapshot size with trust facts against the same directory without them, in percent. */
  sizeGrowthPercent: number;
  /** Whether the 10× row meets the three targets. */
  meetsTargets: boolean;
}

export const TENFOLD = '10× (≈1,000 members)';
export const TENFOLD_WITHOUT_FACTS = '10× without trust facts';

/**
 * A synthetic federation of `members` organisations with about 10 services each, shaped like
 * the real one: mostly French hosts spread over départements, some with no place, a few
 * Belgian, Swiss and Canadian; real software names, all four registrations, some full or off.
 */
export function syntheticFederation(
  members: number,
  seed = 42,
  options: { facts?: boolean } = {},
): CrawledFederation {
  const rnd = mulberry32(seed);
  const withFacts = options.facts !== false;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  // Trust facts draw from their own sequence, so that the rest of the directory is the same
  // with or without them (sizes before and after they were carried compare like for like).
  const facts = mulberry32(seed + 7919);
  const chance = (p: number) => withFacts && facts() < p;
  const pickFact = <T>(list: readonly T[]): T => list[Math.floor(facts() * list.length)]!;
  const day = () =>
    chance(0.5)
      ? `${2010 + Math.floor(facts() * 16)}-0${1 + Math.floor(facts() * 9)}-1${Math.floor(facts() * 9)}`
      : `1${Math.floor(facts() * 9)}/0${1 + Math.floor(facts() * 9)}/${2010 + Math.floor(facts() * 16)}`;
  const softwareNames = catalogue.software.flatMap((s) => s.directoryNames.slice(0, 2));
  const functionNames = [
    'visioconférence',
    'Hébergement de mails',
    'listes de diffusion',
    'hébergement de sites web',
    'Outil maison',
  ];
  const organizations: CrawledOrganization[] = [];
  for (let i = 0; i < members; i += 1) {
    const id = `org-${i}`;
    const base = `https://${id}.example.org/.well-known/chatonsinfos/`;
    const props = new Map<string, string>([
      ['file.class', 'Organization'],
      ['organization.name', `Hébergeur ${i} ${pick(['Libre', 'Solidaire', 'Associatif', 'Coop'])}`],
      ['organization.website', `https://${id}.example.org/`],
    ]);
    const where = rnd();
    if (where < 0.75) {
      const dep = pick(DEPARTEMENTS);
      const postcode =
        dep.code === '2A'
          ? '20000'
          : dep.code === '2B'
            ? '20200'
            : `${dep.code}${'0'.repeat(5 - dep.code.length)}`;
      props.set('organization.country.code', 'FR');
      props.set(
        'organization.geolocation.address',
        `${1 + Math.floor(rnd() * 99)} rue de la Paix, ${postcode} ${dep.prefecture}`,
      );
    } else if (where < 0.85) {
      props.set('organization.country.code', pick(['BE', 'CH', 'CA', 'LU']));
    } else if (where < 0.9) {
      props.set('organization.status.level', 'IDLE');
    }
    if (rnd() < 0.3) {
      props.set('organization.geolocation.latitude', (42 + rnd() * 9).toFixed(4).replace('.', ','));
      props.set('organization.geolocation.longitude', (-4 + rnd() * 12).toFixed(4));
    }
    // Trust facts, about as often as YunoHost's form and hand-written files fill them.
    if (chance(0.6))
      props.set(
        'organization.type',
        pickFact(['ASSOCIATION', 'ASSOCIATION', 'INFORMAL', 'COOPERATIVE', 'COMPANY', 'INDIVIDUAL']),
      );
    if (chance(0.5)) props.set('organization.startdate', day());
    if (chance(0.4)) props.set('organization.memberof.chatons.startdate', day());
    if (chance(0.4))
      props.set(
        'organization.description',
        `Association d'hébergement libre et local, ${i} adhérents, services éthiques pour les habitants et les associations du territoire.`,
      );
    if (chance(0.5)) props.set('organization.contact.url', `https://${id}.example.org/contact`);
    if (chance(0.4)) props.set('organization.legal.url', `https://${id}.example.org/mentions-legales`);
    if (chance(0.3)) props.set('organization.guide.user', `https://docs.${id}.example.org/`);
    if (chance(0.3)) props.set('organization.funding.liberapay', `https://liberapay.com/${id}`);
    if (chance(0.15))
      props.set('organization.funding.helloasso', `https://www.helloasso.com/associations/${id}`);
    // Host facts describe the machine: YunoHost's [host] panel writes the same ones into every
    // service file (bind = multi_file(…)); hand-written files may differ from one service to another.
    const sameHostEverywhere = chance(0.7);
    const hostProvider = chance(0.4)
      ? pickFact(['HOME', 'HOSTEDBAY', 'HOSTEDSERVER', 'HOSTEDSERVER', 'OUTSOURCED'])
      : undefined;
    const hostCountry = chance(0.3) ? pickFact(['FR', 'FR', 'FR', 'DE', 'FI']) : undefined;
    const services = [];
    const count = 5 + Math.floor(rnd() * 11);
    for (let j = 0; j < count; j += 1) {
      const sp = new Map<string, string>([['file.class', 'Service']]);
      const named = rnd() < 0.85;
      const software = named ? pick(softwareNames) : undefined;
      sp.set('service.name', software ? `${software} ${id}` : pick(functionNames));
      if (software) sp.set('software.name', software);
      if (rnd() < 0.7) sp.set('service.website', `https://s${j}.${id}.example.org/`);
      sp.set('service.registration', pick(['None', 'Free', 'Member', 'Client', 'member', '']));
      sp.set('service.registration.load', rnd() < 0.1 ? 'FULL' : 'OPEN');
      if (rnd() < 0.05) sp.set('service.status.level', 'OFF');
      if (chance(0.25))
        sp.set('service.description', `Service ${j} pour les adhérents, sans publicité ni pistage.`);
      // Links: half of them the organisation's own pages again, as YunoHost's form makes easy.
      if (chance(0.15))
        sp.set(
          'service.legal.url',
          chance(0.5) ? `https://${id}.example.org/mentions-legales` : `https://${id}.example.org/cgu`,
        );
      if (chance(0.15)) sp.set('service.guide.user', `https://docs.${id}.example.org/s${j}`);
      if (chance(0.1)) sp.set('service.contact.url', `https://${id}.example.org/contact`);
      if (chance(0.3)) sp.set('service.startdate', day());
      if (hostProvider && (sameHostEverywhere || chance(0.8))) sp.set('host.provider.type', hostProvider);
      if (hostCountry && (sameHostEverywhere || chance(0.8))) sp.set('host.country.code', hostCountry);
      services.push({ id: `svc-${j}`, from: `${base}svc-${j}.properties`, properties: sp });
    }
    organizations.push({ id, from: `${base}${id}.properties`, properties: props, services });
  }
  return {
    kind: 'http',
    federation: 'https://example.org/StatoolInfos/chatons.properties',
    properties: new Map([
      ['federation.name', 'CHATONS (synthetic)'],
      ['file.datetime', '2026-11-23T00:00:00+00:00'],
    ]),
    organizations,
    problems: [],
  };
}

// Collect garbage before each timed run when possible, so that one run does not pay for the
// previous one's garbage (the extension loads its copy once, on a fresh worker).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as (() => void) | undefined;

const time = <T>(fn: () => T): [T, number] => {
  collect?.();
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
};

/** Best of a few runs, to keep one garbage collection from deciding the figure; and their median. */
function best<T>(runs: number, fn: () => T): [T, number, number] {
  let result: T | undefined;
  const all: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const [value, ms] = time(fn);
    result = value;
    all.push(ms);
  }
  all.sort((a, b) => a - b);
  return [result as T, all[0]!, all[Math.floor(all.length / 2)]!];
}

/** Fresh processes per cold figure. */
const COLD_PROCESSES = 5;

/** Load + index of `json` in fresh processes, one at a time: medians of the total and of its parts. */
function coldLoad(json: string): NonNullable<DirectoryBenchRow['cold']> {
  const dir = mkdtempSync(join(tmpdir(), 'matou-directory-cold-'));
  try {
    const file = join(dir, 'snapshot.json');
    writeFileSync(file, json);
    const runs = Array.from({ length: COLD_PROCESSES }, () => {
      const out = execFileSync(process.execPath, ['--import', 'tsx', COLD_SCRIPT, file], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      const { parseMs, validateMs, indexMs } = JSON.parse(out) as Record<string, number>;
      return {
        parseMs: parseMs!,
        validateMs: validateMs!,
        indexMs: indexMs!,
        totalMs: parseMs! + validateMs! + indexMs!,
      };
    });
    const median = (key: keyof (typeof runs)[number]) =>
      runs.map((run) => run[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
    return {
      totalMs: median('totalMs'),
      parseMs: median('parseMs'),
      validateMs: median('validateMs'),
      indexMs: median('indexMs'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measure(label: string, crawled: CrawledFederation, runs: number, cold = true): DirectoryBenchRow {
  const builtAt = new Date('2026-11-23T12:00:00Z');
  const [snapshot, buildMs] = best(runs, () => normalizeFederation(crawled, { catalogue, builtAt }));
  const json = JSON.stringify(snapshot);
  const [loaded, loadMs] = best(runs, () => parseSnapshot(JSON.parse(json)));
  if (!loaded.ok) throw new Error(`${label}: the snapshot does not load: ${loaded.reason}`);
  const [index, indexMs] = best(runs, () => indexDirectory(loaded.snapshot));
  const [, loadAndIndexMs, loadAndIndexMedianMs] = best(runs, () => {
    const parsed = parseSnapshot(JSON.parse(json));
    return parsed.ok ? indexDirectory(parsed.snapshot) : null;
  });

  const categories = index.categories.length > 0 ? index.categories : ['text-collaboration'];
  const regions = ['FR-69', 'FR-29', 'FR-2A', 'FR-974', 'FR-ARA', 'FR', 'BE', 'CH', 'CA'];
  const now = new Date('2026-11-23T12:00:00Z');
  const largest = [...index.byCategory].sort((a, b) => b[1].length - a[1].length)[0]?.[0] ?? categories[0]!;
  let firstQueryUs = Infinity;
  for (let i = 0; i < runs; i += 1) {
    const fresh = indexDirectory(loaded.snapshot);
    const [, ms] = time(() => rankHosts(fresh, { category: largest, region: 'FR-69', now }));
    firstQueryUs = Math.min(firstQueryUs, ms * 1000);
  }
  for (let i = 0; i < 200; i += 1)
    rankHosts(index, {
      category: categories[i % categories.length]!,
      region: regions[i % regions.length]!,
      now,
    });
  const samples: number[] = [];
  const sizes: number[] = [];
  const queries = 3000;
  for (let i = 0; i < queries; i += 1) {
    const category = categories[i % categories.length]!;
    const region = regions[(i * 7) % regions.length]!;
    const start = performance.now();
    const hosts = rankHosts(index, { category, region, now });
    samples.push((performance.now() - start) * 1000);
    sizes.push(hosts.length);
  }
  samples.sort((a, b) => a - b);
  sizes.sort((a, b) => a - b);
  return {
    label,
    organizations: loaded.snapshot.counts.organizations,
    services: loaded.snapshot.counts.services,
    snapshotBytes: Buffer.byteLength(json),
    snapshotGzipBytes: gzipSync(json).length,
    buildMs,
    loadMs,
    indexMs,
    loadAndIndexMs,
    loadAndIndexMedianMs,
    firstQueryUs,
    queryMedianUs: samples[Math.floor(samples.length / 2)]!,
    queryP95Us: samples[Math.floor(samples.length * 0.95)]!,
    hostsPerQuery: sizes[Math.floor(sizes.length / 2)]!,
    ...(cold ? { cold: coldLoad(json) } : {}),
  };
}

export async function benchDirectory(options: { include100x?: boolean } = {}): Promise<DirectoryBenchResult> {
  const rows: DirectoryBenchRow[] = [];
  const bundledCrawl = await crawlFederation(`${ROOT}${BUNDLED_FEDERATION}`, { retries: 0 }).catch(
    () => null,
  );
  if (bundledCrawl) rows.push(measure('bundled (mirror)', bundledCrawl, 5));
  else {
    // Without the mirror, measure the bundled file itself (load, index, query only).
    const raw = readFileSync(`${ROOT}public/directory/snapshot.json`, 'utf8');
    const parsed = parseSnapshot(JSON.parse(raw));
    if (parsed.ok)
      rows.push({
        ...measure(
          'bundled',
          { kind: 'file', federation: 'bundled', properties: new Map(), organizations: [], problems: [] },
          1,
        ),
        organizations: parsed.snapshot.counts.organizations,
      });
  }
  // The same directory without its trust facts (they draw from their own random sequence): the
  // snapshot as it was before they were carried, measured side by side.
  rows.push(measure(TENFOLD_WITHOUT_FACTS, syntheticFederation(1000, 10, { facts: false }), 9));
  rows.push(measure(TENFOLD, syntheticFederation(1000, 10), 9));
  if (options.include100x !== false)
    rows.push(measure('100× (≈10,000 members)', syntheticFederation(10_000, 100), 2, false));
  const targets = { loadAndIndexMs: 50, queryMs: 1, sizeGrowthPercent: 25 };
  const ten = rows.find((r) => r.label === TENFOLD)!;
  const without = rows.find((r) => r.label === TENFOLD_WITHOUT_FACTS)!;
  const sizeGrowthPercent = 100 * (ten.snapshotBytes / without.snapshotBytes - 1);
  const meetsTargets =
    ten.loadMs + ten.indexMs < targets.loadAndIndexMs &&
    ten.queryMedianUs < targets.queryMs * 1000 &&
    sizeGrowthPercent <= targets.sizeGrowthPercent;
  return { rows, targets, sizeGrowthPercent, meetsTargets };
}

export function formatDirectoryBench(result: DirectoryBenchResult): string {
  const fmt = (n: number, digits = 1) =>
    n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const int = (n: number) => n.toLocaleString('en-US');
  const lines: Array<[string, (r: DirectoryBenchRow) => string]> = [
    ['organisations', (r) => int(r.organizations)],
    ['services', (r) => int(r.services)],
    ['snapshot size', (r) => `${fmt(r.snapshotBytes / 1024, 0)} KiB`],
    ['snapshot size, gzip', (r) => `${fmt(r.snapshotGzipBytes / 1024, 0)} KiB`],
    ['build (normalise)', (r) => `${fmt(r.buildMs)} ms`],
    ['load (parse + validate)', (r) => `${fmt(r.loadMs)} ms`],
    ['index', (r) => `${fmt(r.indexMs)} ms`],
    ['load + index', (r) => `${fmt(r.loadMs + r.indexMs)} ms`],
    ['load + index, one go: best', (r) => `${fmt(r.loadAndIndexMs)} ms`],
    ['load + index, one go: median', (r) => `${fmt(r.loadAndIndexMedianMs)} ms`],
    ['load + index, fresh process', (r) => (r.cold ? `${fmt(r.cold.totalMs)} ms` : '—')],
    [
      '  of which parse; validate; index',
      (r) => (r.cold ? `${fmt(r.cold.parseMs)}; ${fmt(r.cold.validateMs)}; ${fmt(r.cold.indexMs)} ms` : '—'),
    ],
    ['first query (largest need)', (r) => `${fmt(r.firstQueryUs)} µs`],
    ['query, median', (r) => `${fmt(r.queryMedianUs)} µs`],
    ['query, p95', (r) => `${fmt(r.queryP95Us)} µs`],
    ['hosts per query (median)', (r) => int(r.hostsPerQuery)],
  ];
  const header = ['', ...result.rows.map((r) => r.label)];
  const table = [header, ...lines.map(([name, f]) => [name, ...result.rows.map(f)])];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const out = table.map((row) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   '),
  );
  out.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('   '));
  const ten = result.rows.find((r) => r.label === TENFOLD);
  const without = result.rows.find((r) => r.label === TENFOLD_WITHOUT_FACTS);
  if (ten && without)
    out.push(
      '',
      `Snapshot at 10×: ${fmt(without.snapshotBytes / 1024, 0)} KiB without trust facts, ${fmt(ten.snapshotBytes / 1024, 0)} KiB with them: ${result.sizeGrowthPercent >= 0 ? '+' : ''}${fmt(result.sizeGrowthPercent)} % (budget +${result.targets.sizeGrowthPercent} %).`,
    );
  out.push(
    `Targets at 10×: load + index < ${result.targets.loadAndIndexMs} ms, one query < ${result.targets.queryMs} ms, snapshot at most +${result.targets.sizeGrowthPercent} %: ${result.meetsTargets ? 'met' : 'NOT met'}.`,
  );
  return out.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchDirectory().then(
    (result) => {
      process.stdout.write(
        `Directory benchmark (Node ${process.version}; build, load and index: best of several runs after a garbage collection; queries: median of 3,000)\n\n`,
      );
      process.stdout.write(`${formatDirectoryBench(result)}\n`);
    },
    (error) => {
      process.stderr.write(`bench:directory failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
