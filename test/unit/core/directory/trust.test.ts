// @vitest-environment node
// Trust facts (who the host is, since when, where the machine runs, where the terms are): each
// key from the member's files to the snapshot and to what `rankHosts` returns; bad values are
// dropped and reported, absent facts stay absent.
import { describe, expect, it } from 'vitest';
import {
  fundingKind,
  normalizeFederation,
  normalizeHostProvider,
  normalizeOrganizationType,
  type CrawledFederation,
} from '../../../../src/core/directory/normalize';
import { parseProperties } from '../../../../src/core/directory/properties';
import { indexDirectory, rankHosts } from '../../../../src/core/directory/rank';
import { parseSnapshot } from '../../../../src/core/directory/snapshot';
import { LIMITS, validateSnapshot, type DirectorySnapshot } from '../../../../src/core/directory/schema';
import { factLink, isFactLink, isSitePath, resolveFactLink } from '../../../../src/core/directory/text';
import { fixtureCatalogue } from '../../../fixtures/directory/catalogue';

const BUILT_AT = new Date('2026-11-23T12:00:00Z');

function props(text: string): Map<string, string> {
  const parsed = parseProperties(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return new Map(parsed.properties);
}

// What YunoHost's chatonsinfos package writes (its form's keys, `dd/mm/YYYY` dates, the `Tipee` typo).
const ORGANIZATION = `file.class = Organization
organization.name = Libre Hébergeur
organization.website = https://libre.example.org/
organization.type = ASSOCIATION
organization.startdate = 06/07/2015
organization.memberof.chatons.startdate = 2019-03-01
organization.description = Une association <b>locale</b>\\u200b qui héberge\\n des services libres.
organization.contact.url = https://libre.example.org/contact
organization.legal.url = https://libre.example.org/mentions-legales
organization.guide.user = https://docs.libre.example.org/
organization.funding.liberapay = https://liberapay.com/libre
organization.funding.Tipee = https://fr.tipeee.com/libre
organization.funding.helloasso = https://www.helloasso.com/associations/libre
organization.funding.paypal = javascript:alert(1)
organization.funding.kisskiss = https://www.kisskissbankbank.com/libre
`;

const PAD = `file.class = Service
service.name = Pad
service.website = https://pad.libre.example.org/
service.description = Écrire à plusieurs, sans compte.
service.legal.url = https://libre.example.org/cgu
service.guide.user = https://docs.libre.example.org/pad
service.contact.url = https://libre.example.org/contact-pad
service.startdate = 2020-07-06
software.name = Etherpad
host.provider.type = HOME
host.country.code = fr
`;

function federation(org: string, services: Record<string, string>): CrawledFederation {
  return {
    kind: 'file',
    federation: 'chatons.properties',
    properties: props('federation.name = CHATONS (test)\nfile.datetime = 2026-11-01'),
    organizations: [
      {
        id: 'libre',
        from: 'libre/libre.properties',
        properties: props(org),
        services: Object.entries(services).map(([id, text]) => ({
          id,
          from: `libre/${id}.properties`,
          properties: props(text),
        })),
      },
    ],
    problems: [],
  };
}

function build(org: string, services: Record<string, string>): DirectorySnapshot {
  const snapshot = normalizeFederation(federation(org, services), {
    catalogue: fixtureCatalogue,
    builtAt: BUILT_AT,
  });
  const checked = validateSnapshot(snapshot);
  if (!checked.ok) throw new Error(checked.issues.join('; '));
  return snapshot;
}

const warningsAbout = (snapshot: DirectorySnapshot, text: string) =>
  snapshot.warnings.filter((w) => w.message.includes(text));

describe('organisation facts', () => {
  const snapshot = build(ORGANIZATION, { pad: PAD });
  const org = snapshot.organizations[0]!.facts!;

  it('carries type, dates, description and links from the organisation file', () => {
    expect(org.type).toBe('association');
    expect(org.startDate).toBe('2015-07-06'); // dd/mm/YYYY, day first
    expect(org.memberSince).toBe('2019-03-01');
    // links on the organisation's website are stored as paths; others whole
    expect(org.contactUrl).toBe('/contact');
    expect(org.legalUrl).toBe('/mentions-legales');
    expect(org.guideUrl).toBe('https://docs.libre.example.org/');
  });

  it('keeps the description as plain one-line text, HTML as text, invisible characters gone', () => {
    expect(org.description).toBe('Une association <b>locale</b> qui héberge des services libres.');
  });

  it('caps a long description', () => {
    const long = build(`${ORGANIZATION}organization.description = ${'mot '.repeat(500)}\n`, {});
    const description = long.organizations[0]!.facts!.description!;
    expect(Array.from(description).length).toBe(LIMITS.factDescription);
    expect(description.endsWith('…')).toBe(true);
  });

  it('lists funding links per platform in a stable order, Tipee read as Tipeee, other platforms as other, non-http dropped', () => {
    expect(org.funding).toEqual([
      { kind: 'liberapay', url: 'https://liberapay.com/libre' },
      { kind: 'tipeee', url: 'https://fr.tipeee.com/libre' },
      { kind: 'helloasso', url: 'https://www.helloasso.com/associations/libre' },
      { kind: 'other', url: 'https://www.kisskissbankbank.com/libre' },
    ]);
    expect(warningsAbout(snapshot, 'organization.funding.paypal')).toMatchObject([
      { code: 'bad-url', at: 'libre/libre.properties' },
    ]);
  });

  it('drops and reports unknown types, bad dates, start dates in the future and non-http links', () => {
    const bad = build(
      `file.class = Organization
organization.name = Mauvais
organization.type = Fondation
organization.startdate = 31/02/2015
organization.memberof.chatons.startdate = 2030-01-01
organization.contact.url = mailto:contact@example.org
organization.legal.url = data:text/html,hi
organization.guide.user = javascript:alert(1)
`,
      {},
    );
    // nothing usable is left: no facts object at all
    expect(bad.organizations[0]).not.toHaveProperty('facts');
    expect(warningsAbout(bad, 'organization.type "Fondation"')).toMatchObject([{ code: 'unknown-value' }]);
    expect(warningsAbout(bad, 'organization.startdate "31/02/2015"')).toMatchObject([{ code: 'bad-date' }]);
    expect(
      warningsAbout(bad, 'organization.memberof.chatons.startdate 2030-01-01 is in the future'),
    ).toHaveLength(1);
    for (const key of ['contact.url', 'legal.url', 'guide.user']) {
      expect(warningsAbout(bad, `organization.${key} is not an http(s) URL`)).toMatchObject([
        { code: 'bad-url' },
      ]);
    }
  });

  it('leaves absent facts absent: no key, not an empty value', () => {
    const bare = build('file.class = Organization\norganization.name = Nu\norganization.description =   \n', {
      pad: 'service.name = Pad\nsoftware.name = Etherpad\n',
    });
    expect(Object.keys(bare.organizations[0]!).sort()).toEqual(['from', 'id', 'name', 'place', 'services']);
    expect(Object.keys(bare.organizations[0]!.services[0]!).sort()).toEqual([
      'categories',
      'categoryBasis',
      'from',
      'id',
      'load',
      'name',
      'registration',
      'software',
    ]); // no `facts`
    expect(bare.warnings.filter((w) => w.code === 'unknown-value' || w.code === 'bad-date')).toEqual([]);
  });
});

describe('service facts', () => {
  const snapshot = build(ORGANIZATION, { pad: PAD });
  const pad = snapshot.organizations[0]!.services[0]!.facts!;

  it('carries description, links, start date and hosting from the service file', () => {
    expect(pad).toMatchObject({
      description: 'Écrire à plusieurs, sans compte.',
      legalUrl: '/cgu',
      guideUrl: 'https://docs.libre.example.org/pad',
      contactUrl: '/contact-pad',
      startDate: '2020-07-06',
      hostProvider: 'home',
      hostCountry: 'FR',
    });
  });

  it('reads every host.provider.type in any case, and drops others', () => {
    for (const [raw, value] of [
      ['HOME', 'home'],
      ['hostedbay', 'hostedbay'],
      ['HostedServer', 'hostedserver'],
      ['OUTSOURCED', 'outsourced'],
    ] as const) {
      expect(normalizeHostProvider(raw)).toBe(value);
    }
    expect(normalizeHostProvider('CLOUD')).toBeUndefined();
    const bad = build(ORGANIZATION, {
      pad: `${PAD}host.provider.type = CLOUD\nhost.country.code = France\nservice.startdate = 2020-13-01\nservice.legal.url = ftp://libre.example.org/cgu\n`,
    });
    const s = bad.organizations[0]!.services[0]!;
    for (const key of ['hostProvider', 'hostCountry', 'startDate', 'legalUrl'])
      expect(s.facts).not.toHaveProperty(key);
    expect(warningsAbout(bad, 'host.provider.type "CLOUD"')).toMatchObject([
      { code: 'unknown-value', at: 'libre/pad.properties' },
    ]);
    expect(warningsAbout(bad, 'host.country.code "France"')).toMatchObject([{ code: 'unknown-value' }]);
    expect(warningsAbout(bad, 'service.startdate "2020-13-01"')).toMatchObject([{ code: 'bad-date' }]);
    expect(warningsAbout(bad, 'service.legal.url is not an http(s) URL')).toMatchObject([
      { code: 'bad-url' },
    ]);
    // a bad link drops the link, not the service
    expect(s.url).toBe('https://pad.libre.example.org/');
  });

  it('reads every organization.type, in any case', () => {
    for (const t of [
      'ASSOCIATION',
      'INFORMAL',
      'COOPERATIVE',
      'MICROCOMPANY',
      'COMPANY',
      'INDIVIDUAL',
      'OTHER',
    ]) {
      expect(normalizeOrganizationType(t)).toBe(t.toLowerCase());
    }
    expect(normalizeOrganizationType(' Cooperative ')).toBe('cooperative');
    expect(normalizeOrganizationType('SCIC')).toBeUndefined();
    expect(fundingKind('Tipee')).toBe('tipeee');
    expect(fundingKind('custom')).toBe('custom');
    expect(fundingKind('ulule')).toBe('other');
  });
});

describe('facts stored once', () => {
  const VISIO = `service.name = Visio\nservice.website = https://visio.libre.example.org/\nhost.provider.type = HOSTEDBAY\nhost.country.code = FR\n`;

  it('host facts every service states alike go on the organisation, and rankHosts gives them back to each service', () => {
    // YunoHost's [host] panel writes the same host.* lines into every service file.
    const snapshot = build(ORGANIZATION, { pad: PAD, visio: VISIO });
    const org = snapshot.organizations[0]!;
    expect(org.facts?.hostCountry).toBe('FR');
    expect(org.facts).not.toHaveProperty('hostProvider'); // HOME and HOSTEDBAY differ
    expect(org.services.map((s) => [s.id, s.facts?.hostProvider, s.facts?.hostCountry])).toEqual([
      ['pad', 'home', undefined],
      ['visio', 'hostedbay', undefined],
    ]);
    const hosts = rankHosts(indexDirectory(snapshot), {
      category: 'text-collaboration',
      region: 'FR',
      now: BUILT_AT,
    });
    expect(hosts[0]?.service).toMatchObject({ id: 'pad', hostProvider: 'home', hostCountry: 'FR' });
    expect(hosts[0]?.organization).not.toHaveProperty('hostCountry');
    const video = rankHosts(indexDirectory(snapshot), {
      category: 'video-conference',
      region: 'FR',
      now: BUILT_AT,
    });
    expect(video[0]?.service).toMatchObject({ id: 'visio', hostProvider: 'hostedbay', hostCountry: 'FR' });
    // both services at home: stored once
    const home = build(ORGANIZATION, { pad: PAD, visio: VISIO.replace('HOSTEDBAY', 'HOME') })
      .organizations[0]!;
    expect(home.facts).toMatchObject({ hostProvider: 'home', hostCountry: 'FR' });
    expect(home.services.map((s) => s.facts)).toEqual([
      {
        startDate: '2020-07-06',
        description: 'Écrire à plusieurs, sans compte.',
        legalUrl: '/cgu',
        guideUrl: 'https://docs.libre.example.org/pad',
        contactUrl: '/contact-pad',
      },
      undefined, // Visio said nothing else: no facts object left
    ]);
  });

  it('a host fact one service does not state stays with the services that state it', () => {
    const snapshot = build(ORGANIZATION, {
      pad: PAD,
      visio: 'service.name = Visio\nservice.website = https://visio.libre.example.org/\n',
    });
    const org = snapshot.organizations[0]!;
    expect(org.facts).not.toHaveProperty('hostProvider');
    expect(org.facts).not.toHaveProperty('hostCountry');
    expect(org.services.find((s) => s.id === 'pad')?.facts).toMatchObject({
      hostProvider: 'home',
      hostCountry: 'FR',
    });
    const [visio] = rankHosts(indexDirectory(snapshot), {
      category: 'video-conference',
      region: 'FR',
      now: BUILT_AT,
    });
    expect(visio?.service).not.toHaveProperty('hostProvider');
  });

  it("a service link that repeats its organisation's is kept on the organisation only", () => {
    const snapshot = build(ORGANIZATION, {
      pad: `${PAD}service.legal.url = https://libre.example.org/mentions-legales\nservice.contact.url = https://libre.example.org/contact\n`,
    });
    const pad = snapshot.organizations[0]!.services[0]!.facts!;
    expect(pad).not.toHaveProperty('legalUrl');
    expect(pad).not.toHaveProperty('contactUrl');
    expect(pad.guideUrl).toBe('https://docs.libre.example.org/pad'); // its own
    expect(snapshot.organizations[0]!.facts?.legalUrl).toBe('/mentions-legales');
  });
});

describe('the snapshot and the ranking', () => {
  const snapshot = build(ORGANIZATION, { pad: PAD });

  it('round-trips through JSON and parseSnapshot with nothing dropped', () => {
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(snapshot)));
    expect(parsed.ok && parsed.dropped).toEqual([]);
    expect(parsed.ok && parsed.snapshot).toEqual(snapshot);
  });

  it('drops a hostile fact alone, keeping its entry and the other facts, and says so', () => {
    const hostile = JSON.parse(JSON.stringify(snapshot)) as DirectorySnapshot;
    hostile.organizations[0]!.services[0]!.facts!.legalUrl = 'javascript:alert(1)';
    hostile.organizations[0]!.facts!.guideUrl = '//evil.example/'; // a path must not name a host
    const parsed = parseSnapshot(hostile);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.dropped).toEqual([
      expect.stringMatching(/^organisation libre: facts\.guideUrl \(/),
      expect.stringMatching(/^service libre\/pad: facts\.legalUrl \(/),
    ]);
    const org = parsed.snapshot.organizations[0]!;
    expect(org.facts).not.toHaveProperty('guideUrl');
    expect(org.facts?.legalUrl).toBe('/mentions-legales');
    expect(org.services.map((s) => s.id)).toEqual(['pad']);
    expect(org.services[0]!.facts).not.toHaveProperty('legalUrl');
    expect(org.services[0]!.facts?.description).toBe('Écrire à plusieurs, sans compte.');
  });

  it('drops an empty or broken facts object, and bad funding links one by one', () => {
    const empty = JSON.parse(JSON.stringify(snapshot)) as DirectorySnapshot;
    empty.organizations[0]!.services[0]!.facts = {};
    const emptied = parseSnapshot(empty);
    expect(emptied.ok && emptied.snapshot.organizations[0]!.services[0]).not.toHaveProperty('facts');
    const notObject = JSON.parse(JSON.stringify(snapshot)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw JSON
    notObject.organizations[0].services[0].facts = 'facts';
    const broken = parseSnapshot(notObject);
    expect(broken.ok && broken.dropped).toEqual(['service libre/pad: facts (not an object)']);
    expect(broken.ok && broken.snapshot.organizations[0]!.services).toHaveLength(1);
    const funding = JSON.parse(JSON.stringify(snapshot)) as DirectorySnapshot;
    (funding.organizations[0]!.facts!.funding as unknown[]).splice(1, 0, {
      kind: 'bitcoin',
      url: 'https://x.example.org/',
    });
    const parsed = parseSnapshot(funding);
    expect(parsed.ok && parsed.dropped).toEqual(['organisation libre: facts.funding link #2']);
    expect(parsed.ok && parsed.snapshot.organizations[0]!.facts!.funding).toEqual(
      snapshot.organizations[0]!.facts!.funding,
    );
  });

  it('is read by a reader that knows none of the facts (schema version 1 unchanged)', () => {
    const withExtra = JSON.parse(JSON.stringify(snapshot)) as Record<string, unknown> & DirectorySnapshot;
    (withExtra.organizations[0] as Record<string, unknown>).someFutureFact = 'x';
    const parsed = parseSnapshot(withExtra);
    expect(parsed.ok && parsed.dropped).toEqual([]);
    expect(parsed.ok && parsed.snapshot.organizations[0]).not.toHaveProperty('someFutureFact');
    expect(snapshot.schemaVersion).toBe(1);
  });

  it('reaches what rankHosts returns, typed and only where stated', () => {
    const [host] = rankHosts(indexDirectory(snapshot), {
      category: 'text-collaboration',
      region: 'FR-69',
      now: BUILT_AT,
    });
    expect(host?.organization).toEqual({
      id: 'libre',
      name: 'Libre Hébergeur',
      website: 'https://libre.example.org/',
      type: 'association',
      startDate: '2015-07-06',
      memberSince: '2019-03-01',
      description: 'Une association <b>locale</b> qui héberge des services libres.',
      contactUrl: 'https://libre.example.org/contact',
      legalUrl: 'https://libre.example.org/mentions-legales',
      guideUrl: 'https://docs.libre.example.org/',
      funding: snapshot.organizations[0]!.facts!.funding,
    });
    expect(host?.service).toEqual({
      id: 'pad',
      name: 'Pad',
      url: 'https://pad.libre.example.org/',
      urlSource: 'service',
      startDate: '2020-07-06',
      description: 'Écrire à plusieurs, sans compte.',
      legalUrl: 'https://libre.example.org/cgu',
      guideUrl: 'https://docs.libre.example.org/pad',
      contactUrl: 'https://libre.example.org/contact-pad',
      hostProvider: 'home',
      hostCountry: 'FR',
    });
    const bare = build('organization.name = Nu\n', {
      pad: 'service.name = Pad\nsoftware.name = Etherpad\nservice.website = https://pad.nu.example.org/\n',
    });
    const [plain] = rankHosts(indexDirectory(bare), {
      category: 'text-collaboration',
      region: 'FR',
      now: BUILT_AT,
    });
    expect(plain?.organization).toEqual({ id: 'libre', name: 'Nu' });
    expect(plain?.service).toEqual({
      id: 'pad',
      name: 'Pad',
      url: 'https://pad.nu.example.org/',
      urlSource: 'service',
    });
  });
});

describe("links on the organisation's website", () => {
  it('are stored as paths when on its origin, whole otherwise, and read back whole', () => {
    const site = 'https://libre.example.org/asso/';
    for (const [url, stored] of [
      ['https://libre.example.org/cgu', '/cgu'],
      ['https://libre.example.org/aide?page=2', '/aide?page=2'],
      ['https://libre.example.org/', '/'],
      ['https://docs.libre.example.org/', 'https://docs.libre.example.org/'], // another host
      ['http://libre.example.org/cgu', 'http://libre.example.org/cgu'], // another scheme
      ['https://libre.example.org:8443/cgu', 'https://libre.example.org:8443/cgu'], // another port
      ['https://libre.example.org.evil.example/x', 'https://libre.example.org.evil.example/x'],
    ] as const) {
      expect(factLink(url, site)).toBe(stored);
      expect(resolveFactLink(stored, site)).toBe(url);
    }
    expect(factLink('https://libre.example.org/cgu', undefined)).toBe('https://libre.example.org/cgu');
    expect(factLink('https://x.example.org:8443/cgu', 'https://x.example.org:8443/')).toBe('/cgu');
  });

  it('accept only a path that cannot name another site or scheme', () => {
    for (const good of ['/', '/cgu', '/a/b/', '/aide?x=1', '/%C3%A9t%C3%A9'])
      expect(isSitePath(good)).toBe(true);
    for (const bad of ['//evil.example/', '/\\evil.example/', '/a b', '/a\u0000', 'cgu', '', '/./x'])
      expect(isSitePath(bad)).toBe(false);
    for (const bad of ['javascript:alert(1)', '//evil.example/', 'cgu', 'mailto:x@example.org'])
      expect(isFactLink(bad)).toBe(false);
    // a path with no website to read it against is no link
    expect(resolveFactLink('/cgu', undefined)).toBeUndefined();
  });

  it('reach rankHosts whole; a path where the organisation has no website is left out', () => {
    const snapshot = build(ORGANIZATION, { pad: PAD });
    const raw = JSON.parse(JSON.stringify(snapshot)) as DirectorySnapshot;
    const parsed = parseSnapshot(raw);
    if (!parsed.ok) throw new Error(parsed.reason);
    const [host] = rankHosts(indexDirectory(parsed.snapshot), {
      category: 'text-collaboration',
      region: 'FR',
      now: BUILT_AT,
    });
    expect(host?.organization.legalUrl).toBe('https://libre.example.org/mentions-legales');
    expect(host?.service.legalUrl).toBe('https://libre.example.org/cgu');
    const noSite = structuredClone(parsed.snapshot);
    delete noSite.organizations[0]!.website;
    noSite.organizations[0]!.services[0]!.url = 'https://pad.libre.example.org/';
    const [alone] = rankHosts(indexDirectory(noSite), {
      category: 'text-collaboration',
      region: 'FR',
      now: BUILT_AT,
    });
    expect(alone?.organization).not.toHaveProperty('legalUrl');
    expect(alone?.service).not.toHaveProperty('legalUrl');
    expect(alone?.organization.guideUrl).toBe('https://docs.libre.example.org/'); // stored whole
  });
});
