// @vitest-environment node
// npm run directory:publish end to end: the real command, week after week, on fixture
// federations served over HTTP on 127.0.0.1, the previous snapshot read back from the same
// server; then the comparing and the guards on their own.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePublishArgs, runPublish } from '../../../../scripts/directory-publish';
import {
  checkGuards,
  compareSnapshots,
  sha256,
  type SnapshotMeta,
} from '../../../../scripts/lib/directory-publish';
import { parseSnapshot } from '../../../../src/core/directory/snapshot';
import { DEFAULT_DIRECTORY_URL, LIVE_FEDERATION_URL } from '../../../../src/core/directory/source';
import type { DirectorySnapshot } from '../../../../src/core/directory/schema';
import { serveFiles, startServer, type TestServer } from '../../../fixtures/directory/server';
import { FEDERATION_PATH, range, writeWeek } from '../../../fixtures/directory/weeks';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;
const SCRIPT = `${ROOT}scripts/directory-publish.ts`;

let root: string;
let out: string;
let server: TestServer;
let week = 0;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'matou-publish-'));
  out = join(root, 'pub');
  server = await startServer({}, serveFiles(root));
});
afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * One weekly run of the command, a week after the previous one: in this process (the same
 * function the command runs), or as the real `tsx scripts/directory-publish.ts` child process.
 */
async function publishWeek(
  extra: string[],
  federation = `${server.origin}${FEDERATION_PATH}`,
  spawn = false,
): Promise<Run> {
  week += 1;
  const builtAt = new Date(Date.UTC(2026, 11, 7 + 7 * week, 4)).toISOString();
  const args = [
    '--federation',
    federation,
    '--out',
    out,
    '--built-at',
    builtAt,
    '--retries',
    '0',
    '--timeout',
    '3000',
    '--quiet',
    ...extra,
  ];
  if (!spawn) {
    const result: Run = { code: -1, stdout: '', stderr: '' };
    result.code = await runPublish(args, {
      stdout: (t) => (result.stdout += t),
      stderr: (t) => (result.stderr += t),
    });
    return result;
  }
  try {
    const { stdout, stderr } = await run(TSX, [SCRIPT, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const previous = () => ['--previous', `${server.origin}/pub/snapshot.json`];
const published = async (): Promise<DirectorySnapshot> => {
  const parsed = parseSnapshot(JSON.parse(await readFile(join(out, 'snapshot.json'), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.snapshot;
};
const meta = async (): Promise<SnapshotMeta> =>
  JSON.parse(await readFile(join(out, 'snapshot.meta.json'), 'utf8')) as SnapshotMeta;
const report = () => readFile(join(out, 'report.md'), 'utf8');
const snapshotBytes = () => readFile(join(out, 'snapshot.json'));

describe('directory:publish, week after week, over HTTP on loopback', { timeout: 30_000 }, () => {
  it('first week: publishes the snapshot, its meta and a report', async () => {
    await writeWeek(root, server.origin, range(0, 10));
    const result = await publishWeek(['--first-publication', '--min-organizations', '5'], undefined, true);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    const snapshot = await published();
    // quoted absolute (YunoHost) and relative subs, /.well-known/ and /.well_known/ folders: all read
    expect(snapshot.counts).toMatchObject({ organizations: 10, services: 30, skippedFiles: 0 });
    expect(snapshot.counts.categories).toMatchObject({
      'text-collaboration': 10,
      'video-conference': 10,
      email: 10,
    });
    expect(snapshot.changedAt).toBe(snapshot.builtAt);
    const m1 = snapshot.organizations.find((o) => o.id === 'm1')!;
    expect(m1.facts).toEqual({
      type: 'cooperative',
      startDate: '2018-03-02',
      memberSince: '2019-02-15',
      legalUrl: '/mentions-legales', // on its website (https://m1.example.org/): stored as a path
    });
    expect(m1.services.find((s) => s.id === 'pad')?.facts).toEqual({
      startDate: '2020-05-12',
      hostProvider: 'hostedserver',
      hostCountry: 'FR',
    });
    const m = await meta();
    expect(m).toMatchObject({
      builtAt: snapshot.builtAt,
      changedAt: snapshot.builtAt,
      previous: null,
      counts: { organizations: 10, services: 30 },
    });
    expect(m.sha256).toBe(sha256(await snapshotBytes()));
    expect(m.bytes).toBe((await stat(join(out, 'snapshot.json'))).size);
    expect(result.stdout).toContain('# CHATONS directory: published');
    expect(await report()).toMatch(/10 organisations added[\s\S]*Membre 0 \(m0\), 3 services/);
  });

  it('a normal week: published again, nothing changed, the change date stays', async () => {
    const before = await published();
    const beforeBytes = await snapshotBytes();
    const result = await publishWeek(previous());
    expect(result.code, result.stdout).toBe(0);
    const after = await published();
    expect(after.builtAt > before.builtAt).toBe(true);
    expect(after.changedAt).toBe(before.changedAt);
    expect((await meta()).previous).toEqual({ builtAt: before.builtAt, sha256: sha256(beforeBytes) });
    expect(await report()).toContain(
      '0 organisations added, 0 removed, 0 changed; 0 services added, 0 removed, 0 changed.',
    );
  });

  it('a member added: published, named in the report, the change date moves', async () => {
    await writeWeek(root, server.origin, range(0, 11));
    const result = await publishWeek(previous());
    expect(result.code, result.stdout).toBe(0);
    const snapshot = await published();
    expect(snapshot.counts.organizations).toBe(11);
    expect(snapshot.changedAt).toBe(snapshot.builtAt);
    expect(await report()).toMatch(/### Organisations added\n\n- Membre 10 \(m10\), 3 services\n/);
    expect((await meta()).changes).toMatchObject({ organizationsAdded: 1, servicesAdded: 3 });
  });

  it('a member removed (1 of 11): published, named in the report', async () => {
    await writeWeek(
      root,
      server.origin,
      range(0, 11).filter((i) => i !== 3),
    );
    const result = await publishWeek(previous());
    expect(result.code, result.stdout).toBe(0);
    expect((await published()).counts.organizations).toBe(10);
    expect(await report()).toMatch(/### Organisations removed\n\n- Membre 3 \(m3\), 3 services\n/);
    expect(await report()).toMatch(/ok organizations-lost: 1 of 11 organisations gone \(9.1 %/);
  });

  it('half the members gone at once: refused, the previous copy left as it was', async () => {
    const before = await snapshotBytes();
    const metaBefore = await readFile(join(out, 'snapshot.meta.json'));
    await writeWeek(
      root,
      server.origin,
      range(0, 11)
        .filter((i) => i !== 3)
        .slice(0, 5),
    );
    const result = await publishWeek(previous(), undefined, true);
    expect(result.code).toBe(1);
    expect(await snapshotBytes()).toEqual(before);
    expect(await readFile(join(out, 'snapshot.meta.json'))).toEqual(metaBefore);
    const text = await report();
    expect(text).toContain('NOT published (refused)');
    expect(text).toMatch(
      /\*\*REFUSED\*\* organizations-lost: 5 of 10 organisations gone \(50 %; at most 20 % allowed\)/,
    );
    expect(text).toMatch(/\*\*REFUSED\*\* services-lost: 15 of 30 services gone/);
    expect(text).toContain('The previously published snapshot was left in place');
    expect(result.stdout).toBe(text);
  });

  it('the federation unreachable: refused, the previous copy left as it was', async () => {
    const before = await snapshotBytes();
    const closed = await startServer({});
    const gone = `${closed.origin}${FEDERATION_PATH}`;
    await closed.close();
    const result = await publishWeek(previous(), gone);
    expect(result.code).toBe(1);
    expect(await snapshotBytes()).toEqual(before);
    expect(await report()).toMatch(
      /\*\*Refused:\*\* the federation file is unreadable: federation file http:\/\/127\.0\.0\.1:\d+\/chatons/,
    );
    // and a federation URL that answers with an error page
    const missing = await publishWeek(previous(), `${server.origin}/chatons/nothing-here.properties`);
    expect(missing.code).toBe(1);
    expect(await snapshotBytes()).toEqual(before);
  });

  it('a member whose files are broken: reported and left out, the week published', async () => {
    await writeWeek(
      root,
      server.origin,
      range(0, 11).filter((i) => i !== 3),
      { broken: [4] },
    );
    const result = await publishWeek(previous());
    expect(result.code, result.stdout).toBe(0);
    const snapshot = await published();
    expect(snapshot.counts.organizations).toBe(9);
    expect(snapshot.organizations.some((o) => o.id === 'm4')).toBe(false);
    const text = await report();
    expect(text).toMatch(
      /## Files skipped \(1\)\n\n- organisation m4: an HTML or XML page, not a properties file; skipped \(http:\/\/127\.0\.0\.1:\d+\/m4\/\.well-known\/chatonsinfos\/m4\.properties\)/,
    );
    expect(text).toMatch(/### Organisations removed\n\n- Membre 4 \(m4\)/);
  });

  it('fewer organisations than --min-organizations: refused', async () => {
    const before = await snapshotBytes();
    const result = await publishWeek([...previous(), '--min-organizations', '50']);
    expect(result.code).toBe(1);
    expect(await snapshotBytes()).toEqual(before);
    expect(await report()).toMatch(
      /\*\*REFUSED\*\* min-organizations: 9 organisations kept \(at least 50 required\)/,
    );
  });

  it('a previous snapshot that cannot be read: refused (nothing to compare with)', async () => {
    const before = await snapshotBytes();
    const result = await publishWeek(['--previous', `${server.origin}/pub/missing.json`]);
    expect(result.code).toBe(1);
    expect(await snapshotBytes()).toEqual(before);
    expect(await report()).toMatch(
      /\*\*Refused:\*\* previous snapshot .*missing\.json: HTTP 404.*cannot compare/,
    );
  });

  it('a build not later than the published one: refused (extensions would refuse it)', async () => {
    const before = await snapshotBytes();
    const result = await publishWeek([...previous(), '--built-at', '2026-12-01T00:00:00.000Z']);
    expect(result.code).toBe(1);
    expect(await snapshotBytes()).toEqual(before);
    expect(await report()).toMatch(
      /\*\*Refused:\*\* built 2026-12-01T00:00:00\.000Z, not after the previous .*extensions would refuse it/,
    );
  });

  it('bad arguments: exit code 2 and the usage', async () => {
    const result = await publishWeek(['--max-loss', 'many'], undefined, true);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--max-loss needs a percentage between 0 and 100');
    expect(result.stderr).toContain('Usage: npm run directory:publish');
  });
});

describe('directory:publish arguments', () => {
  it('reads the guards; compares with the published copy unless --first-publication', () => {
    expect(
      parsePublishArgs([
        '--out',
        'o',
        '--previous',
        'p.json',
        '--max-loss',
        '35',
        '--min-organizations',
        '80',
      ]),
    ).toMatchObject({
      previous: 'p.json',
      guards: { maxLossPercent: 35, minOrganizations: 80 },
    });
    expect(parsePublishArgs(['--out', 'o', '--first-publication'])).toMatchObject({
      guards: { maxLossPercent: 20, minOrganizations: 1 },
    });
    // by default, the copy extensions download is the one to compare with
    expect(parsePublishArgs(['--out', 'o'])).toMatchObject({
      previous: DEFAULT_DIRECTORY_URL,
      federation: LIVE_FEDERATION_URL,
    });
    expect(parsePublishArgs(['--previous', 'p'])).toEqual({ error: '--out <dir> is required' });
    expect(parsePublishArgs(['--out', 'o', '--previous', 'p', '--max-loss', '120'])).toHaveProperty('error');
    expect(parsePublishArgs(['--out', 'o', '--previous', 'p', '--first-publication'])).toHaveProperty(
      'error',
    );
  });
});

describe('comparing and guarding', () => {
  const svc = (id: string, categories: string[], over: object = {}) => ({
    id,
    name: id,
    url: `https://${id}.example.org/`,
    software: {},
    categories,
    registration: 'none' as const,
    load: 'open' as const,
    from: `${id}.properties`,
    ...over,
  });
  const snap = (organizations: DirectorySnapshot['organizations']): DirectorySnapshot => {
    const parsed = parseSnapshot({
      schemaVersion: 1,
      builtAt: '2026-12-07T04:00:00.000Z',
      generator: 'test',
      source: { kind: 'file', federation: 'f', description: 'd' },
      counts: {},
      warnings: [],
      organizations,
    });
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.snapshot;
  };
  const org = (id: string, services: ReturnType<typeof svc>[], over: object = {}) => ({
    id,
    name: id.toUpperCase(),
    place: {},
    from: `${id}.properties`,
    services,
    ...over,
  });
  const before = snap([
    org('a', [svc('pad', ['text-collaboration']), svc('visio', ['video-conference'])]),
    org('b', [svc('pad', ['text-collaboration'])]),
    org('c', [svc('pad', ['text-collaboration'])]),
    org('d', [svc('pad', ['text-collaboration']), svc('mail', ['email'])]),
    org('e', [svc('pad', ['text-collaboration'])]),
  ]);
  const guards = { minOrganizations: 1, maxLossPercent: 20 };

  it('names what was added, removed and changed, fields included', () => {
    const after = snap([
      org(
        'a',
        [svc('pad', ['text-collaboration'], { registration: 'member' }), svc('visio', ['video-conference'])],
        { facts: { type: 'association' } },
      ),
      org('b', [svc('pad', ['text-collaboration']), svc('forms', ['forms'])]),
      org('c', [svc('pad', ['text-collaboration'], { from: 'elsewhere.properties' })]),
      org('d', [svc('pad', ['text-collaboration']), svc('mail', ['email'])]),
      org('f', [svc('pad', ['text-collaboration'])]),
    ]);
    const changes = compareSnapshots(before, after);
    expect(changes.addedOrganizations).toEqual([{ id: 'f', name: 'F', services: 1 }]);
    expect(changes.removedOrganizations).toEqual([{ id: 'e', name: 'E', services: 1 }]);
    expect(changes.changedOrganizations).toEqual([
      {
        id: 'a',
        name: 'A',
        fields: ['facts.type'],
        addedServices: [],
        removedServices: [],
        changedServices: [{ id: 'pad', name: 'pad', fields: ['registration'] }],
      },
      {
        id: 'b',
        name: 'B',
        fields: [],
        addedServices: [{ id: 'forms', name: 'forms' }],
        removedServices: [],
        changedServices: [],
      },
    ]); // c only moved its file: not a change
    expect(changes).toMatchObject({ servicesAdded: 2, servicesRemoved: 1, servicesChanged: 1 });
    expect(checkGuards(before, after, changes, guards).every((g) => g.ok)).toBe(true);
  });

  it('refuses a need that had hosts and has none left, even when little else is lost', () => {
    const after = snap([
      org('a', [svc('pad', ['text-collaboration']), svc('visio', ['video-conference'])]),
      org('b', [svc('pad', ['text-collaboration'])]),
      org('c', [svc('pad', ['text-collaboration'])]),
      org('d', [svc('pad', ['text-collaboration']), svc('mail', [])]),
      org('e', [svc('pad', ['text-collaboration'])]),
    ]);
    const results = checkGuards(before, after, compareSnapshots(before, after), guards);
    expect(results.find((g) => g.rule === 'category-emptied')).toEqual({
      rule: 'category-emptied',
      ok: false,
      detail: 'needs left without any host: email (had 1)',
    });
    expect(results.filter((g) => !g.ok)).toHaveLength(1);
  });

  it('counts services lost on their own, at the 20 % line', () => {
    const lose = (n: number) =>
      snap(before.organizations.map((o, i) => (i < n ? { ...o, services: o.services.slice(0, 1) } : o)));
    // a and d each lose one of 7 services: 2/7 = 28.6 % > 20 %
    const two = lose(4);
    const r2 = checkGuards(before, two, compareSnapshots(before, two), guards);
    expect(r2.find((g) => g.rule === 'services-lost')).toMatchObject({ ok: false });
    expect(r2.find((g) => g.rule === 'organizations-lost')).toMatchObject({ ok: true });
    // a loses its visio (1/7 = 14.3 %) but that empties video-conference
    const one = lose(1);
    const r1 = checkGuards(before, one, compareSnapshots(before, one), guards);
    expect(r1.find((g) => g.rule === 'services-lost')).toMatchObject({
      ok: true,
      detail: expect.stringContaining('1 of 7 services gone (14.3 %'),
    });
    expect(r1.find((g) => g.rule === 'category-emptied')).toMatchObject({ ok: false });
    // exactly 20 % of organisations (1 of 5) is still allowed
    const oneOrg = snap(before.organizations.filter((o) => o.id !== 'e'));
    expect(
      checkGuards(before, oneOrg, compareSnapshots(before, oneOrg), guards).find(
        (g) => g.rule === 'organizations-lost',
      ),
    ).toMatchObject({ ok: true });
  });
});
