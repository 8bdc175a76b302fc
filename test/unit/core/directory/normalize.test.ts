// @vitest-environment node
// Normalising rules, on the fixture federation and on single values.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { crawlFederation } from '../../../../scripts/lib/directory-crawl';
import {
  normalizeFederation,
  normalizeLoad,
  normalizeRegistration,
  parseDay,
  parseDegrees,
  softwareResolver,
  type CrawledFederation,
} from '../../../../src/core/directory/normalize';
import { categoriesFromName, FUNCTION_KEYWORDS } from '../../../../src/core/directory/keywords';
import { validateSnapshot, type DirectorySnapshot } from '../../../../src/core/directory/schema';
import { fixtureCatalogue } from '../../../fixtures/directory/catalogue';

const FEDERATION = fileURLToPath(
  new URL('../../../fixtures/directory/federation/chatons.properties', import.meta.url),
);
const BUILT_AT = new Date('2026-11-23T12:00:00Z');

let snapshot: DirectorySnapshot;
const org = (id: string) => snapshot.organizations.find((o) => o.id === id);
const service = (orgId: string, id: string) => org(orgId)?.services.find((s) => s.id === id);

beforeAll(async () => {
  const crawled = await crawlFederation(FEDERATION, { maxBytes: 4096, retries: 0 });
  snapshot = normalizeFederation(crawled, { catalogue: fixtureCatalogue, builtAt: BUILT_AT });
});

describe('the fixture federation', () => {
  it('validates and records where it came from', () => {
    expect(validateSnapshot(snapshot).ok).toBe(true);
    expect(snapshot.builtAt).toBe('2026-11-23T12:00:00.000Z');
    expect(snapshot.source.kind).toBe('file');
    expect(snapshot.source.datetime).toBe('2026-11-01T10:00:00+01:00');
    expect(snapshot.source.description).toContain('CHATONS (test)');
    expect(org('alpha')?.from).toBe('alpha/alpha.properties');
    expect(service('alpha', 'pad')?.from).toBe('services/pad.properties'); // relative to the organisation's file
    expect(service('alpha', 'nourl')?.from).toBe('../shared/nourl.properties');
  });

  it('leaves out organisations that are idle, away, or whose membership ended', () => {
    expect(org('idle')).toBeUndefined();
    expect(org('away')).toBeUndefined();
    expect(org('ended')).toBeUndefined();
    expect(snapshot.counts.excludedOrganizations).toBe(3);
    const excluded = snapshot.warnings
      .filter((w) => w.code === 'excluded-organization')
      .map((w) => w.message);
    expect(excluded.join('\n')).toMatch(/IDLE[\s\S]*AWAY|AWAY[\s\S]*IDLE/);
    expect(excluded.join('\n')).toContain('2021-05-01');
    // a membership that ends in the future is kept, with its end date
    expect(org('alpha')?.endDate).toBe('2099-12-31');
  });

  it('leaves out services that are OFF, DRAFT (any case), ended, or whose URL is not http(s)', () => {
    for (const id of ['off', 'draft', 'ended', 'js']) expect(service('alpha', id)).toBeUndefined();
    expect(service('alpha', 'closing')?.endDate).toBe('2099-01-01');
    const js = snapshot.warnings.find((w) => w.at === 'alpha/services/js.properties');
    expect(js?.code).toBe('bad-url');
    const urls = snapshot.organizations.flatMap((o) => [o.website, ...o.services.map((s) => s.url)]);
    expect(urls.some((u) => u?.startsWith('javascript'))).toBe(false);
    // 4 in alpha + the services of the 3 excluded organisations
    expect(snapshot.counts.excludedServices).toBe(7);
  });

  it('normalises registration, load and software names', () => {
    expect(service('alpha', 'pad')).toMatchObject({
      registration: 'none',
      load: 'open',
      software: { id: 'etherpad', name: 'Etherpad-Lite' },
      categories: ['text-collaboration'],
      categoryBasis: 'software',
      url: 'https://pad.alpha.example.org/',
    });
    expect(service('alpha', 'visio')?.registration).toBe('free');
    expect(service('alpha', 'mail')).toMatchObject({
      registration: 'member',
      software: { id: 'roundcube', name: 'roundcube' },
    });
    expect(service('alpha', 'full')?.load).toBe('full');
    expect(service('alpha', 'html')?.registration).toBe('free'); // "Free;Member": the most open
    expect(service('beta', 'pad')?.registration).toBe('client');
  });

  it('keeps an unknown software under its own name and reports it', () => {
    expect(service('alpha', 'unknown')).toMatchObject({ software: { name: 'FooWare' }, categories: [] });
    expect(service('alpha', 'unknown')?.software.id).toBeUndefined();
    expect(snapshot.counts.unknownSoftware).toBe(1);
    expect(
      snapshot.warnings.some((w) => w.code === 'unknown-software' && w.message.includes('FooWare')),
    ).toBe(true);
  });

  it('maps a function-only service name with the keyword table, and says so', () => {
    expect(service('alpha', 'visio')).toMatchObject({
      name: 'Visioconférence',
      categories: ['video-conference'],
      categoryBasis: 'name',
    });
    expect(service('alpha', 'visio')?.software).toEqual({});
  });

  it('drops catalogue categories that do not exist', () => {
    expect(service('alpha', 'nourl')?.categories).toEqual(['file-transfer']);
  });

  it('keeps a service without a URL (the organisation website stands in when ranking)', () => {
    expect(service('alpha', 'nourl')?.url).toBeUndefined();
    expect(snapshot.counts.withoutUrl).toBe(1);
  });

  it('keeps HTML as text, and names that are text only', () => {
    expect(service('alpha', 'html')?.name).toBe('<b>Pad</b> <script>alert(1)</script>');
  });

  it('reads places: postcodes, Corsica, overseas, département names, countries, coordinates', () => {
    expect(org('alpha')?.place).toEqual({
      countryCode: 'FR',
      departement: 'FR-69',
      region: 'FR-ARA',
      city: 'Lyon',
      latitude: 45.764,
      longitude: 4.8357,
    });
    expect(org('beta')?.place).toEqual({
      countryCode: 'FR',
      departement: 'FR-29',
      region: 'FR-BRE',
      city: 'Brest',
    });
    expect(org('corse-sud')?.place.departement).toBe('FR-2A');
    expect(org('corse-nord')?.place.departement).toBe('FR-2B');
    expect(org('reunion')?.place).toMatchObject({
      countryCode: 'FR',
      departement: 'FR-974',
      region: 'FR-LRE',
      city: 'Saint-Denis',
    });
    expect(org('belgium')?.place).toEqual({ countryCode: 'BE', city: 'Bruxelles' });
    expect(org('nowhere')?.place).toEqual({});
  });

  it('reads a bare host name as an https website', () => {
    expect(org('beta')?.website).toBe('https://beta.example.org/');
  });

  it('counts services per category', () => {
    expect(snapshot.counts.categories).toEqual({
      email: 1,
      'file-transfer': 1,
      'text-collaboration': 11,
      'video-conference': 1,
    });
    expect(snapshot.counts.organizations).toBe(snapshot.organizations.length);
  });
});

describe('single values', () => {
  it('registration', () => {
    expect(normalizeRegistration('None')).toBe('none');
    expect(normalizeRegistration(' FREE ')).toBe('free');
    expect(normalizeRegistration('mEmBeR')).toBe('member');
    expect(normalizeRegistration('Client')).toBe('client');
    expect(normalizeRegistration('Member;Client')).toBe('member');
    expect(normalizeRegistration('Gratuit')).toBe('unknown');
    expect(normalizeRegistration('')).toBe('unknown');
    expect(normalizeRegistration(undefined)).toBe('unknown');
    expect(normalizeRegistration('__proto__')).toBe('unknown');
  });

  it('load', () => {
    expect(normalizeLoad('OPEN')).toBe('open');
    expect(normalizeLoad('full')).toBe('full');
    expect(normalizeLoad('maybe')).toBe('unknown');
    expect(normalizeLoad(undefined)).toBe('unknown');
  });

  it('coordinates with a comma or a dot', () => {
    expect(parseDegrees('-12,3456', 90)).toBe(-12.3456);
    expect(parseDegrees('+45.5', 90)).toBe(45.5);
    expect(parseDegrees('4', 180)).toBe(4);
    expect(parseDegrees('95.1', 90)).toBeUndefined();
    expect(parseDegrees('181', 180)).toBeUndefined();
    expect(parseDegrees('12,34,56', 90)).toBeUndefined();
    expect(parseDegrees('NaN', 90)).toBeUndefined();
    expect(parseDegrees('', 90)).toBeUndefined();
  });

  it('dates: ISO, day-first (YunoHost), real dates only', () => {
    expect(parseDay('2020-07-06')).toBe('2020-07-06');
    expect(parseDay('2020-07-06T14:23:20')).toBe('2020-07-06');
    expect(parseDay('06/07/2020')).toBe('2020-07-06');
    expect(parseDay('2020/7/6')).toBe('2020-07-06');
    expect(parseDay('31/02/2020')).toBeUndefined();
    expect(parseDay('yesterday')).toBeUndefined();
    expect(parseDay('0001-01-01')).toBeUndefined();
  });

  it('software names through directoryNames, case-insensitive and trimmed', () => {
    const resolver = softwareResolver(fixtureCatalogue);
    expect(resolver.resolve('  ETHERPAD lite ')?.id).toBe('etherpad');
    expect(resolver.resolve('RoundCubeMail')?.id).toBe('roundcube');
    expect(resolver.resolve('Etherpad')?.id).toBe('etherpad');
    expect(resolver.resolve('FooWare')).toBeUndefined();
    expect(resolver.resolve('constructor')).toBeUndefined();
  });

  it('the keyword table: unambiguous function words only', () => {
    expect(categoriesFromName('Hébergement de mails')).toEqual(['email']);
    expect(categoriesFromName('boîte mail pseudo@sans-nuage.fr')).toEqual(['email']);
    expect(categoriesFromName('e-mail')).toEqual(['email']);
    expect(categoriesFromName('hébergement courriel')).toEqual(['email']);
    expect(categoriesFromName('visioconférence')).toEqual(['video-conference']);
    expect(categoriesFromName('conversation instantanée')).toEqual(['instant-messaging']);
    expect(categoriesFromName('suite bureautique')).toEqual([
      'office-suite',
      'text-collaboration',
      'spreadsheet',
      'presentation',
    ]);
    // Web-site hosting names the need of someone leaving Wix or Google Sites (issue 13).
    for (const name of [
      'hébergement de sites Web',
      'Hébergement de sites web associatifs',
      'site statique',
      'web hosting',
    ]) {
      expect(categoriesFromName(name), name).toEqual(['website']);
    }
    expect(categoriesFromName('Listes de diffusion')).toEqual(['mailing-lists']);
    expect(
      categoriesFromName('partage de photos, envoi de gros fichiers, hébergement cloud, boîte mail'),
    ).toEqual(['email', 'file-transfer', 'file-storage', 'photo-sharing']);
    for (const name of [
      'Cloud (nuage du PIC)',
      'Plate-forme de cloud',
      'Drop.Infini',
      'site de la mairie',
      'Mailman',
      'visiteurs',
      'BIMpad',
      'Mailing',
      'Cloud',
      'forum',
    ]) {
      expect(categoriesFromName(name)).toEqual([]);
    }
    expect(FUNCTION_KEYWORDS.length).toBeGreaterThan(5);
  });

  it('the keyword table: the plain names members write', () => {
    // Names as members write them (Kaz's "Mail", Club1's, Infini's, the Etherpad hosts' "pad"…).
    const cases: Array<[string, string[]]> = [
      ['Mail', ['email']],
      ['Courriel', ['email']],
      ['Webmail', ['email']],
      ['Messagerie électronique', ['email']],
      ['messagerie email (une boîte par membre, @club1.fr)', ['email']],
      ['Boîte mail', ['email']],
      ['Courrier électronique', ['email']],
      ['Visio', ['video-conference']],
      ['Pad', ['text-collaboration']],
      ['pads publics', ['text-collaboration']],
      ['Pad.Infini', ['text-collaboration']],
      ['Sondages', ['polls']],
      ['prise de rendez-vous et petits votes', ['polls']],
      ['Agenda partagé', ['calendar']],
      ['Cloud personnel', ['file-storage']],
      ['Espace de stockage en ligne (Nextcloud)', ['file-storage']],
      ['Espace cloud', ['file-storage']],
      ['Messagerie instantanée', ['instant-messaging']],
    ];
    for (const [name, categories] of cases)
      expect([name, categoriesFromName(name)]).toEqual([name, categories]);
  });

  it('the keyword table: "Messagerie" alone is mail or chat, so it names no need', () => {
    expect(categoriesFromName('Messagerie')).toEqual([]);
    expect(categoriesFromName('Messageries')).toEqual([]);
    expect(categoriesFromName('Service de messagerie')).toEqual([]);
  });

  it('reports keyword-table categories missing from the catalogue instead of inventing them', () => {
    const crawled: CrawledFederation = {
      kind: 'file',
      federation: 'x.properties',
      properties: new Map([['federation.name', 'T']]),
      problems: [],
      organizations: [
        {
          id: 'o',
          from: 'o.properties',
          properties: new Map([['organization.name', 'O']]),
          services: [
            { id: 's', from: 's.properties', properties: new Map([['service.name', 'Listes de diffusion']]) },
          ],
        },
      ],
    };
    const built = normalizeFederation(crawled, { catalogue: fixtureCatalogue, builtAt: BUILT_AT });
    expect(built.organizations[0]?.services[0]?.categories).toEqual([]);
    expect(
      built.warnings.some(
        (w) => w.code === 'keyword-category-missing' && w.message.includes('mailing-lists'),
      ),
    ).toBe(true);
  });
});
