// @vitest-environment node
// The snapshot shipped in public/: valid, honest about its source, and exactly what
// `npm run directory:build -- --bundled` makes from the mirror with the current catalogue.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../../scripts/directory-build';
import { BUNDLED_DESCRIPTION, BUNDLED_FEDERATION } from '../../../../scripts/lib/directory-bundled';
import { catalogue } from '../../../../src/catalogue/index';
import { parseSnapshot } from '../../../../src/core/directory/snapshot';
import { indexDirectory, rankHosts } from '../../../../src/core/directory/rank';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const BUNDLED = `${ROOT}public/directory/snapshot.json`;
const MIRROR = `${ROOT}${BUNDLED_FEDERATION}`;

describe('the bundled snapshot', () => {
  const raw: unknown = JSON.parse(readFileSync(BUNDLED, 'utf8'));
  const parsed = parseSnapshot(raw);

  it('validates with nothing dropped', () => {
    expect(parsed.ok && parsed.dropped).toEqual([]);
  });

  it('says what it is: the partial, hand-compiled mirror, with its date', () => {
    if (!parsed.ok) throw new Error(parsed.reason);
    const { source, counts } = parsed.snapshot;
    expect(source.kind).toBe('file');
    expect(source.federation).toBe(BUNDLED_FEDERATION);
    // In French for readers that predate the per-language sentences, and in each language.
    expect(source.description).toBe(BUNDLED_DESCRIPTION.fr);
    expect(source.descriptions).toEqual(BUNDLED_DESCRIPTION);
    expect(source.descriptions?.fr).toMatch(/^Copie partielle/);
    expect(source.descriptions?.en).toMatch(/^Partial/);
    expect(source.datetime).toBe('2026-12-01T20:00:00+00:00');
    expect(counts.organizations).toBe(26);
    expect(counts.services).toBe(69);
    expect(
      parsed.snapshot.organizations.every((o) =>
        o.services.every((s) => !s.url || /^https:\/\//.test(s.url)),
      ),
    ).toBe(true);
  });

  it('has the members added to the mirror on 2026-12-01, with their places', () => {
    if (!parsed.ok) throw new Error(parsed.reason);
    const org = (id: string) => parsed.snapshot.organizations.find((o) => o.id === id);
    expect(org('kaz')).toMatchObject({
      name: 'Kaz',
      facts: { type: 'association' },
      place: { countryCode: 'FR', departement: 'FR-56', city: 'Vannes' },
    });
    // Kaz's "Mail" names only a function: the keyword table reads it
    expect(org('kaz')?.services.find((s) => s.name === 'Mail')).toMatchObject({
      categories: ['email'],
      categoryBasis: 'name',
      registration: 'client',
    });
    expect(org('zaclys')).toMatchObject({ website: 'https://www.zaclys.com/' });
    expect(org('hadoly')?.place).toMatchObject({ departement: 'FR-69', city: 'Lyon' });
  });

  it('only names categories that the catalogue has', () => {
    if (!parsed.ok) throw new Error(parsed.reason);
    const known = new Set(catalogue.categories.map((c) => c.id));
    for (const org of parsed.snapshot.organizations)
      for (const s of org.services) for (const c of s.categories) expect(known.has(c)).toBe(true);
  });

  it('ranks real hosts for a real need', () => {
    if (!parsed.ok) throw new Error(parsed.reason);
    const hosts = rankHosts(indexDirectory(parsed.snapshot), {
      category: 'text-collaboration',
      region: 'FR-69',
    });
    expect(hosts[0]).toMatchObject({ organization: { name: 'Framasoft' }, locality: 'local' });
    expect(hosts.length).toBeGreaterThan(10);
  });

  it('is up to date with the mirror and the catalogue (else run: npm run directory:build -- --bundled)', async () => {
    if (!parsed.ok) throw new Error(parsed.reason);
    const rebuilt = await buildSnapshot(
      {
        federation: MIRROR,
        description: BUNDLED_DESCRIPTION.fr,
        descriptionEn: BUNDLED_DESCRIPTION.en,
        builtAt: new Date(parsed.snapshot.builtAt),
        crawl: { retries: 0 },
      },
      catalogue,
    );
    rebuilt.source.federation = BUNDLED_FEDERATION;
    expect(parsed.snapshot).toEqual(rebuilt);
  });
});
