// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { indexDirectory, rankHosts } from '../../../../src/core/directory/rank';
import {
  validateSnapshot,
  type DirectoryOrganization,
  type DirectorySnapshot,
} from '../../../../src/core/directory/schema';

type Svc = DirectoryOrganization['services'][number];

function svc(id: string, over: Partial<Svc> = {}): Svc {
  return {
    id,
    name: id,
    url: `https://${id}.example.org/`,
    software: { id: 'etherpad', name: 'Etherpad' },
    categories: ['text-collaboration'],
    registration: 'none',
    load: 'open',
    from: `${id}.properties`,
    ...over,
  };
}

function org(
  id: string,
  name: string,
  place: DirectoryOrganization['place'],
  services: Svc[],
  over: Partial<DirectoryOrganization> = {},
): DirectoryOrganization {
  return {
    id,
    name,
    website: `https://${id}.example.org/`,
    place,
    from: `${id}.properties`,
    services,
    ...over,
  };
}

const snapshot: DirectorySnapshot = {
  schemaVersion: 1,
  builtAt: '2026-11-23T12:00:00.000Z',
  generator: 'test',
  source: { kind: 'file', federation: 'test.properties', description: 'test' },
  counts: {
    organizations: 0,
    services: 0,
    categories: {},
    uncategorized: 0,
    withoutUrl: 0,
    excludedOrganizations: 0,
    excludedServices: 0,
    unknownSoftware: 0,
    skippedFiles: 0,
    warnings: 0,
  },
  warnings: [],
  organizations: [
    org(
      'lyon-client',
      'Zeta Lyon',
      { countryCode: 'FR', departement: 'FR-69', region: 'FR-ARA', city: 'Lyon' },
      [svc('lc', { registration: 'client' })],
    ),
    org('lyon-member', 'Alpha Lyon', { countryCode: 'FR', departement: 'FR-69', region: 'FR-ARA' }, [
      svc('lm', { registration: 'member' }),
    ]),
    org('lyon-free', 'Mu Lyon', { countryCode: 'FR', departement: 'FR-69', region: 'FR-ARA' }, [
      svc('lf', { registration: 'free' }),
    ]),
    org('lyon-none', 'Nu Lyon', { countryCode: 'FR', departement: 'FR-69', region: 'FR-ARA' }, [
      svc('ln', { registration: 'none' }),
    ]),
    org('lyon-unknown', 'Beta Lyon', { countryCode: 'FR', departement: 'FR-69', region: 'FR-ARA' }, [
      svc('lu', { registration: 'unknown' }),
    ]),
    org('grenoble', 'Grenoble', { countryCode: 'FR', departement: 'FR-38', region: 'FR-ARA' }, [svc('gr')]),
    org('ara-only', 'Quelque part en ARA', { countryCode: 'FR', region: 'FR-ARA' }, [svc('ara')]),
    org('brest', 'Brest', { countryCode: 'FR', departement: 'FR-29', region: 'FR-BRE' }, [svc('br')]),
    org('france', 'France seule', { countryCode: 'FR' }, [svc('fr')]),
    org('nowhere', 'Nulle part', {}, [svc('nw')]),
    org('bruxelles', 'Bruxelles', { countryCode: 'BE', city: 'Bruxelles' }, [svc('bx')]),
    org('reunion', 'Réunion', { countryCode: 'FR', departement: 'FR-974', region: 'FR-LRE' }, [svc('re')]),
    org('ajaccio', 'Ajaccio', { countryCode: 'FR', departement: 'FR-2A', region: 'FR-COR' }, [svc('aj')]),
    org('bastia', 'Bastia', { countryCode: 'FR', departement: 'FR-2B', region: 'FR-COR' }, [svc('ba')]),
    org('full', 'Plein', { countryCode: 'FR', departement: 'FR-69', region: 'FR-ARA' }, [
      svc('full', { load: 'full' }),
    ]),
    org('ends', 'Fin proche', { countryCode: 'FR', departement: 'FR-69', region: 'FR-ARA' }, [
      svc('ends', { endDate: '2027-01-01' }),
    ]),
    org(
      'member-ends',
      'Membre jusque',
      { countryCode: 'FR', departement: 'FR-69', region: 'FR-ARA' },
      [svc('me')],
      { endDate: '2027-01-01' },
    ),
    org('no-url', 'Sans lien', { countryCode: 'FR', departement: 'FR-69', region: 'FR-ARA' }, [
      svc('nourl', { url: undefined }),
    ]),
    org('no-link-at-all', 'Injoignable', { countryCode: 'FR' }, [svc('nolink', { url: undefined })], {
      website: undefined,
    }),
    org('mail', 'Courriel', { countryCode: 'FR', departement: 'FR-69', region: 'FR-ARA' }, [
      svc('mail', { categories: ['email'] }),
    ]),
    org('many', 'Plusieurs', { countryCode: 'FR', departement: 'FR-75', region: 'FR-IDF' }, [
      svc('many', { categories: ['email', 'text-collaboration'] }),
    ]),
  ],
};
for (const o of snapshot.organizations) {
  if (o.website === undefined) delete o.website;
  for (const s of o.services) if (s.url === undefined) delete s.url;
}

const NOW = new Date('2026-11-23T12:00:00Z');
const index = indexDirectory(snapshot);
const rank = (region: string, category = 'text-collaboration', now = NOW) =>
  rankHosts(index, { category, region, now });
const ids = (region: string, category?: string) =>
  rank(region, category).map((h) => `${h.locality}:${h.service.id}`);

describe('rankHosts', () => {
  it('the test snapshot is valid', () => {
    expect(validateSnapshot(snapshot).ok).toBe(true);
  });

  it('groups by locality for a département, open access first, then member, client, unknown, then name', () => {
    expect(ids('FR-69')).toEqual([
      'local:ends',
      'local:me',
      'local:lf',
      'local:ln',
      'local:nourl',
      'local:lm',
      'local:lc',
      'local:lu',
      'regional:gr',
      'regional:ara',
      'national:aj',
      'national:ba',
      'national:br',
      'national:fr',
      'national:nw',
      'national:many',
      'national:re',
      'elsewhere:bx',
    ]);
  });

  it('never offers full services, nor services that cannot be reached', () => {
    const all = rank('FR-69').map((h) => h.service.id);
    expect(all).not.toContain('full');
    expect(all).not.toContain('nolink');
  });

  it('uses the organisation website when the service has no URL, and says so', () => {
    const host = rank('FR-69').find((h) => h.service.id === 'nourl');
    expect(host?.service).toEqual({
      id: 'nourl',
      name: 'nourl',
      url: 'https://no-url.example.org/',
      urlSource: 'organization',
    });
    expect(rank('FR-69').find((h) => h.service.id === 'ln')?.service.urlSource).toBe('service');
  });

  it('leaves out services and members whose end date has passed', () => {
    const later = rankHosts(index, {
      category: 'text-collaboration',
      region: 'FR-69',
      now: new Date('2027-06-01T00:00:00Z'),
    });
    expect(later.map((h) => h.service.id)).not.toContain('ends');
    expect(later.map((h) => h.service.id)).not.toContain('me');
    expect(rank('FR-69').find((h) => h.service.id === 'ends')?.endDate).toBe('2027-01-01');
  });

  it('ranks for a région: same région is regional, no local group', () => {
    const list = ids('FR-BRE');
    expect(list[0]).toBe('regional:br');
    expect(list.filter((x) => x.startsWith('local:'))).toEqual([]);
    expect(ids('FR-ARA').filter((x) => x.startsWith('regional:'))).toHaveLength(10);
  });

  it('ranks for a country', () => {
    const fr = ids('FR');
    expect(fr.every((x) => x.startsWith('national:') || x === 'elsewhere:bx')).toBe(true);
    expect(fr.at(-1)).toBe('elsewhere:bx');
    const be = ids('BE');
    expect(be.filter((x) => x.startsWith('national:'))).toEqual(['national:bx', 'national:nw']);
    expect(be.filter((x) => x.startsWith('elsewhere:'))).toHaveLength(16);
    expect(ids('CH').filter((x) => x.startsWith('national:'))).toEqual(['national:nw']);
  });

  it('tells Corsica apart, and overseas départements', () => {
    expect(ids('FR-2A').slice(0, 2)).toEqual(['local:aj', 'regional:ba']);
    expect(ids('FR-2B').slice(0, 2)).toEqual(['local:ba', 'regional:aj']);
    expect(ids('FR-974')[0]).toBe('local:re');
    expect(ids('FR-LRE')[0]).toBe('regional:re');
  });

  it('an unknown place ranks as national and says so', () => {
    const host = rank('FR-69').find((h) => h.service.id === 'nw');
    expect(host?.locality).toBe('national');
    expect(host?.place).toEqual({ known: false, precision: 'unknown' });
    expect(rank('FR-69').find((h) => h.service.id === 'lc')?.place).toEqual({
      countryCode: 'FR',
      departement: 'FR-69',
      region: 'FR-ARA',
      city: 'Lyon',
      known: true,
      precision: 'departement',
    });
  });

  it('looks up by category', () => {
    expect(ids('FR-69', 'email')).toEqual(['local:mail', 'national:many']);
    expect(rank('FR-69', 'maps')).toEqual([]);
    expect(rank('FR-69', '__proto__')).toEqual([]);
    expect(index.categories).toEqual(['email', 'text-collaboration']);
  });

  it('an invalid region ranks every host as national', () => {
    expect(rank('XX-99').every((h) => h.locality === 'national')).toBe(true);
    expect(rank('XX-99')).toHaveLength(18);
  });

  it('returns the contract shape', () => {
    const host = rank('FR-69')[0]!;
    expect(Object.keys(host).sort()).toEqual(
      [
        'categoryBasis',
        'endDate',
        'load',
        'locality',
        'organization',
        'place',
        'registration',
        'service',
        'software',
      ]
        .filter((k) => k in host)
        .sort(),
    );
    expect(host.organization).toEqual({
      id: 'ends',
      name: 'Fin proche',
      website: 'https://ends.example.org/',
    });
    expect(host.software).toEqual({ id: 'etherpad', name: 'Etherpad' });
    // results are shared between calls (read-only by contract)
    expect(rank('FR-69')[0]).toBe(host);
  });
});
