// Local corrections: reading (entry by entry, nothing good lost), migrations, merging, and
// which pages an exclusion silences.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../../src/catalogue';
import { compileClassifier } from '../../../../src/core/catalogue';
import {
  CORRECTIONS_VERSION,
  emptyCorrections,
  exclusionFor,
  findExclusion,
  MAX_EXCLUSIONS,
  mergeCorrections,
  normaliseHostUrl,
  readCorrections,
  readImportedCorrections,
  withExclusion,
  withoutCorrection,
  withUserHost,
  type LocalCorrections,
} from '../../../../src/core/corrections/local';

const classifier = compileClassifier(catalogue);
const classify = (url: string) => classifier.classify(url);
const AT = '2026-11-22T10:00:00.000Z';
const isCategory = (id: string) => catalogue.categories.some((c) => c.id === id);

describe('readCorrections', () => {
  it('gives empty corrections for nothing stored, and says nothing was dropped', () => {
    expect(readCorrections(undefined)).toEqual({ corrections: emptyCorrections(), dropped: [] });
    expect(readCorrections(null).dropped).toEqual([]);
  });

  it('drops a record that is not an object', () => {
    expect(readCorrections('oops')).toEqual({ corrections: emptyCorrections(), dropped: ['corrections'] });
    expect(readCorrections([1, 2]).dropped).toEqual(['corrections']);
  });

  it('keeps the good entries and drops the bad ones, saying which list lost some', () => {
    const { corrections, dropped } = readCorrections(
      {
        version: 1,
        exclusions: [
          { service: 'gmail', host: 'MAIL.Google.com.', addedAt: AT },
          { service: 'gmail', host: 'not a host' },
          { service: 'Google Maps', host: 'www.google.com' },
          { service: 'google-maps', host: 'www.google.com', path: '/Maps/' },
          { service: 'google-maps', host: 'www.google.com', path: 'maps?x' },
          'junk',
        ],
        userHosts: [
          {
            category: 'email',
            name: '  Le  Chaton\u0007 ',
            url: 'https://mail.chaton.example/',
            registration: 'member',
            place: 'Lyon',
            addedAt: AT,
          },
          { category: 'email', name: 'Bad', url: 'javascript:alert(1)', registration: 'free' },
          { category: 'not-a-need', name: 'Nope', url: 'https://nope.example/', registration: 'free' },
          { category: 'email', name: 'No access given', url: 'framachaton.example' },
          { category: 'email', name: 'Bad access', url: 'https://x.example/', registration: 'gratuit' },
        ],
      },
      isCategory,
    );
    expect(dropped).toEqual(['corrections.exclusions[]', 'corrections.userHosts[]']);
    expect(corrections.exclusions).toEqual([
      { id: 'not:gmail@mail.google.com', service: 'gmail', host: 'mail.google.com', addedAt: AT },
      {
        id: 'not:google-maps@www.google.com/maps',
        service: 'google-maps',
        host: 'www.google.com',
        path: '/maps',
        addedAt: expect.any(String),
      },
    ]);
    expect(corrections.userHosts.map((h) => [h.name, h.url, h.registration, h.place])).toEqual([
      ['Le Chaton', 'https://mail.chaton.example/', 'member', 'Lyon'],
      ['No access given', 'https://framachaton.example/', 'unknown', undefined],
    ]);
  });

  it('drops a list that is not a list, and keeps the other', () => {
    const { corrections, dropped } = readCorrections({
      version: 1,
      exclusions: 'gmail',
      userHosts: [{ category: 'email', name: 'A', url: 'https://a.example/' }],
    });
    expect(dropped).toEqual(['corrections.exclusions']);
    expect(corrections.userHosts).toHaveLength(1);
  });

  it('migrates a record written before versions existed', () => {
    const { corrections, dropped } = readCorrections({ exclusions: [{ service: 'zoom', host: 'zoom.us' }] });
    expect(dropped).toEqual([]);
    expect(corrections.version).toBe(CORRECTIONS_VERSION);
    expect(corrections.exclusions.map((e) => e.id)).toEqual(['not:zoom@zoom.us']);
  });

  it('keeps what still reads from a newer version, and says so', () => {
    const { corrections, dropped } = readCorrections({
      version: 9,
      exclusions: [{ service: 'zoom', host: 'zoom.us' }],
      somethingNew: true,
    });
    expect(dropped).toEqual(['corrections.version']);
    expect(corrections.exclusions).toHaveLength(1);
  });

  it('counts the same correction once, and caps the lists', () => {
    const many = Array.from({ length: MAX_EXCLUSIONS + 20 }, (_, i) => ({
      service: 'zoom',
      host: `h${i}.zoom.us`,
    }));
    const { corrections, dropped } = readCorrections({
      version: 1,
      exclusions: [{ service: 'zoom', host: 'zoom.us' }, { service: 'zoom', host: 'ZOOM.us' }, ...many],
    });
    expect(corrections.exclusions).toHaveLength(MAX_EXCLUSIONS);
    expect(corrections.exclusions.filter((e) => e.host === 'zoom.us')).toHaveLength(1);
    expect(dropped).toEqual(['corrections.exclusions[]']);
  });

  it('reads its own output back unchanged', () => {
    const { corrections } = readCorrections({
      exclusions: [{ service: 'gmail', host: 'mail.google.com', addedAt: AT }],
      userHosts: [
        { category: 'email', name: 'A', url: 'https://a.example/', registration: 'free', addedAt: AT },
      ],
    });
    expect(readCorrections(structuredClone(corrections))).toEqual({ corrections, dropped: [] });
  });
});

describe('normaliseHostUrl', () => {
  it('keeps http(s) addresses, adds https:// when none is written, refuses the rest', () => {
    expect(normaliseHostUrl('https://Chaton.example')).toBe('https://chaton.example/');
    expect(normaliseHostUrl('chaton.example/mail')).toBe('https://chaton.example/mail');
    expect(normaliseHostUrl('http://chaton.example/')).toBe('http://chaton.example/');
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'ftp://a.example/',
      'https://user:pw@a.example/',
      'localhost',
      '',
      '   ',
    ]) {
      expect(normaliseHostUrl(bad), bad).toBeNull();
    }
  });
});

describe('mergeCorrections', () => {
  it('adds what is new and loses nothing', () => {
    const a = readCorrections({
      exclusions: [{ service: 'gmail', host: 'mail.google.com', addedAt: AT }],
    }).corrections;
    const b = readCorrections({
      exclusions: [
        { service: 'gmail', host: 'mail.google.com' },
        { service: 'zoom', host: 'zoom.us' },
      ],
      userHosts: [{ category: 'email', name: 'A', url: 'https://a.example/' }],
    }).corrections;
    const merged = mergeCorrections(a, b);
    expect(merged.exclusions.map((e) => e.id)).toEqual(['not:gmail@mail.google.com', 'not:zoom@zoom.us']);
    expect(merged.exclusions[0]?.addedAt).toBe(AT);
    expect(merged.userHosts).toHaveLength(1);
    expect(mergeCorrections(merged, merged)).toEqual(merged);
  });
});

describe('findExclusion and exclusionFor', () => {
  const corrections = (list: Array<{ service: string; host: string; path?: string }>): LocalCorrections =>
    readCorrections({ exclusions: list }).corrections;

  it('a whole-host exclusion silences every page of that service on the host', () => {
    const c = corrections([{ service: 'gmail', host: 'mail.google.com' }]);
    const found = classify('https://mail.google.com/mail/u/0/#inbox')!;
    expect(findExclusion(c, found, 'https://mail.google.com/mail/u/0/')?.id).toBe(
      'not:gmail@mail.google.com',
    );
    expect(findExclusion(c, found)?.id).toBe('not:gmail@mail.google.com');
  });

  it('a path exclusion silences that path only, on whole segments, any case, and needs the address', () => {
    const c = corrections([{ service: 'google-docs', host: 'docs.google.com', path: '/document' }]);
    const doc = classify('https://docs.google.com/document/d/1/edit')!;
    expect(findExclusion(c, doc, 'https://docs.google.com/DOCUMENT/d/1/edit')).not.toBeNull();
    expect(findExclusion(c, doc, 'https://docs.google.com/documentx')).toBeNull();
    expect(findExclusion(c, doc)).toBeNull();
    const sheet = classify('https://docs.google.com/spreadsheets/d/1/edit')!;
    expect(findExclusion(c, sheet, 'https://docs.google.com/spreadsheets/d/1/edit')).toBeNull();
  });

  it('an exclusion for one service leaves another service on the same host alone', () => {
    const c = corrections([{ service: 'google-maps', host: 'www.google.com' }]);
    const search = classify('https://www.google.com/search?q=chatons')!;
    expect(search.service).toBe('google-search');
    expect(findExclusion(c, search, 'https://www.google.com/search?q=chatons')).toBeNull();
  });

  it('"this page is not X" takes the whole host when X owns it, the first path segment otherwise', () => {
    const gmailUrl = 'https://mail.google.com/mail/u/0/';
    expect(exclusionFor(gmailUrl, classify(gmailUrl)!, classify)).toMatchObject({
      service: 'gmail',
      host: 'mail.google.com',
      id: 'not:gmail@mail.google.com',
    });
    expect(exclusionFor(gmailUrl, classify(gmailUrl)!, classify).path).toBeUndefined();
    const mapsUrl = 'https://www.google.com/maps/place/Lyon';
    const maps = classify(mapsUrl)!;
    expect(maps.service).toBe('google-maps');
    expect(exclusionFor(mapsUrl, maps, classify)).toMatchObject({ host: 'www.google.com', path: '/maps' });
    const docUrl = 'https://docs.google.com/document/d/1AbC/edit';
    expect(exclusionFor(docUrl, classify(docUrl)!, classify)).toMatchObject({
      host: 'docs.google.com',
      path: '/document',
    });
  });
});

describe('edits', () => {
  const exclusion = {
    id: 'not:gmail@mail.google.com',
    service: 'gmail',
    host: 'mail.google.com',
    addedAt: AT,
  };
  const host = {
    id: 'host:email@https://chaton.example/',
    category: 'email',
    name: 'Chaton',
    url: 'https://chaton.example/',
    registration: 'free' as const,
    addedAt: AT,
  };

  it('adds an exclusion or a user host once (the same id replaces), and removes either by id', () => {
    const empty = emptyCorrections();
    const one = withExclusion(withExclusion(empty, exclusion), {
      ...exclusion,
      addedAt: '2026-12-01T00:00:00.000Z',
    });
    expect(one.exclusions).toEqual([{ ...exclusion, addedAt: '2026-12-01T00:00:00.000Z' }]);
    const both = withUserHost(withUserHost(one, host), host);
    expect(both.userHosts).toEqual([host]);
    expect(withoutCorrection(both, host.id)).toEqual({ ...both, userHosts: [] });
    expect(withoutCorrection(both, exclusion.id).exclusions).toEqual([]);
    expect(empty).toEqual(emptyCorrections());
  });
});

describe('readImportedCorrections', () => {
  const isService = (id: string) => catalogue.services.some((s) => s.id === id);

  it('keeps the valid entries of a file, and reports exclusions of services Matou does not know', () => {
    const file = {
      corrections: {
        version: CORRECTIONS_VERSION,
        exclusions: [
          { service: 'gmail', host: 'mail.google.com', addedAt: AT },
          { service: 'no-such-service', host: 'x.example', addedAt: AT },
        ],
        userHosts: [
          {
            category: 'email',
            name: 'Chaton',
            url: 'https://chaton.example/',
            registration: 'free',
            addedAt: AT,
          },
        ],
      },
    };
    const { corrections, problems } = readImportedCorrections(file, isCategory, isService);
    expect(corrections.exclusions.map((e) => e.service)).toEqual(['gmail']);
    expect(corrections.userHosts.map((h) => h.name)).toEqual(['Chaton']);
    expect(problems).toEqual(['corrections.exclusions[]']);
  });

  it('a file written before corrections existed has none, and no problem', () => {
    expect(readImportedCorrections({ settings: {} }, isCategory, isService)).toEqual({
      corrections: emptyCorrections(),
      problems: [],
    });
  });
});
