// @vitest-environment node
// directory:build and suggest as functions, and each command run once for real.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot, parseBuildArgs, summary, writeSnapshot } from '../../../../scripts/directory-build';
import { loadSnapshot, suggest } from '../../../../scripts/suggest';
import { LIVE_FEDERATION_URL } from '../../../../src/core/directory/source';
import { validateSnapshot } from '../../../../src/core/directory/schema';
import { fixtureCatalogue } from '../../../fixtures/directory/catalogue';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const FEDERATION = `${ROOT}test/fixtures/directory/federation/chatons.properties`;
const TSX = `${ROOT}node_modules/.bin/tsx`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'matou-directory-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('directory:build arguments', () => {
  it('defaults to the live federation and requires --out', () => {
    expect(parseBuildArgs(['--out', 'x.json'])).toMatchObject({
      federation: LIVE_FEDERATION_URL,
      out: 'x.json',
    });
    expect(parseBuildArgs([])).toEqual({ error: '--out <file> is required' });
    expect(parseBuildArgs(['--out'])).toEqual({ error: '--out needs a value' });
    expect(parseBuildArgs(['--out', 'x', '--timeout', 'soon'])).toEqual({
      error: '--timeout needs a whole number',
    });
    expect(parseBuildArgs(['--out', 'x', '--built-at', 'never'])).toHaveProperty('error');
    expect(parseBuildArgs(['--what'])).toEqual({ error: 'unknown argument --what' });
    expect(
      parseBuildArgs(['--federation', 'f', '--out', 'o', '--max-bytes', '10', '--concurrency', '0']),
    ).toMatchObject({
      crawl: { maxBytes: 10, concurrency: 1 },
    });
    expect(parseBuildArgs(['--bundled'])).toMatchObject({
      out: 'public/directory/snapshot.json',
      minOrganizations: 1,
    });
    expect(parseBuildArgs(['--out', 'x', '--min-organizations', '80'])).toMatchObject({
      minOrganizations: 80,
    });
  });
});

describe('directory:build and suggest on the fixture federation', () => {
  it('builds, writes and reads back a valid snapshot', async () => {
    const snapshot = await buildSnapshot(
      {
        federation: FEDERATION,
        builtAt: new Date('2026-11-23T00:00:00Z'),
        crawl: { maxBytes: 4096, retries: 0 },
      },
      fixtureCatalogue,
    );
    const out = join(dir, 'nested', 'snapshot.json');
    await writeSnapshot(out, snapshot);
    expect(validateSnapshot(JSON.parse(await readFile(out, 'utf8'))).ok).toBe(true);
    expect(await loadSnapshot(out)).toEqual(snapshot);
    expect(summary(snapshot)).toContain('7 organisations');

    const result = suggest(
      snapshot,
      'https://docs.google.com/document/d/abc/edit',
      'FR-69',
      fixtureCatalogue,
    );
    expect(result).toMatchObject({ service: 'google-docs', category: 'text-collaboration', region: 'FR-69' });
    expect(result.hosts[0]).toEqual({
      organization: 'Alpha Libre',
      service: '<b>Pad</b> <script>alert(1)</script>',
      url: 'https://html.alpha.example.org/',
      urlSource: 'service',
      software: 'Etherpad',
      registration: 'free',
      locality: 'local',
      place: { countryCode: 'FR', departement: 'FR-69', region: 'FR-ARA', city: 'Lyon', known: true },
    });
    expect(result.hosts.map((h) => `${h.locality}:${h.organization}:${h.registration}`)).toEqual([
      'local:Alpha Libre:free',
      'local:Alpha Libre:none',
      'local:Alpha Libre:unknown',
      'national:Corse Nord:none',
      'national:Nulle Part:none',
      'national:Zot Libre:none',
      'national:Beta (Brest):member',
      'national:Corse Sud:member',
      'national:Beta (Brest):client',
      'elsewhere:Libre Bruxelles:free',
    ]);
    expect(suggest(snapshot, 'https://example.org/', 'FR', fixtureCatalogue)).toEqual({
      service: null,
      category: null,
      region: 'FR',
      hosts: [],
    });
  });
});

describe('the commands, run for real', () => {
  it('npm run directory:build writes a snapshot and reports skipped files', async () => {
    const out = join(dir, 'cli.json');
    const { stderr } = await run(
      TSX,
      [
        `${ROOT}scripts/directory-build.ts`,
        '--federation',
        FEDERATION,
        '--out',
        out,
        '--max-bytes',
        '4096',
        '--retries',
        '0',
      ],
      {
        cwd: ROOT,
      },
    );
    expect(stderr).toContain('SKIPPED oversized.properties');
    expect(stderr).toMatch(/Wrote .*cli\.json/);
    expect(validateSnapshot(JSON.parse(await readFile(out, 'utf8'))).ok).toBe(true);
  }, 20_000);

  it('npm run directory:build refuses to write a directory smaller than --min-organizations', async () => {
    const out = join(dir, 'small.json');
    await expect(
      run(
        TSX,
        [
          `${ROOT}scripts/directory-build.ts`,
          '--federation',
          FEDERATION,
          '--out',
          out,
          '--max-bytes',
          '4096',
          '--retries',
          '0',
          '--quiet',
          '--min-organizations',
          '100',
        ],
        { cwd: ROOT },
      ),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('nothing written') });
    await expect(readFile(out, 'utf8')).rejects.toThrow();
  }, 20_000);

  it('npm run suggest prints JSON for the bundled snapshot', async () => {
    const { stdout } = await run(
      TSX,
      [`${ROOT}scripts/suggest.ts`, '--region', 'fr-29', 'https://mail.google.com/mail/u/0/#inbox'],
      { cwd: ROOT },
    );
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ service: 'gmail', category: 'email', region: 'FR-29' });
    expect(result.hosts[0]).toMatchObject({ organization: 'Infini (Internet Finistère)', locality: 'local' });
    for (const host of result.hosts) {
      expect(Object.keys(host).sort()).toEqual([
        'locality',
        'organization',
        'place',
        'registration',
        'service',
        'software',
        'url',
        'urlSource',
      ]);
    }
    await expect(
      run(TSX, [`${ROOT}scripts/suggest.ts`, '--region', 'FR-20', 'https://x.org/'], { cwd: ROOT }),
    ).rejects.toMatchObject({ code: 2 });
  }, 20_000);
});
