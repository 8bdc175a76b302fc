// @vitest-environment node
// fast-check: the parser and the normaliser never throw, and what they build always validates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalizeFederation,
  relativeRef,
  type CrawledFederation,
} from '../../../../src/core/directory/normalize';
import { parseProperties, subsOf, type PropertiesMap } from '../../../../src/core/directory/properties';
import { parseSnapshot } from '../../../../src/core/directory/snapshot';
import { validateSnapshot } from '../../../../src/core/directory/schema';
import {
  cleanText,
  httpUrl,
  isCanonicalHttpUrl,
  isCleanText,
  isHttpUrl,
} from '../../../../src/core/directory/text';
import {
  departementFromPostcode,
  guessRegion,
  parseRegion,
  placeFromAddress,
} from '../../../../src/core/regions';
import { fixtureCatalogue } from '../../../fixtures/directory/catalogue';

const KEYS = [
  'organization.name',
  'organization.website',
  'organization.country.code',
  'organization.country.name',
  'organization.geolocation.address',
  'organization.geolocation.latitude',
  'organization.geolocation.longitude',
  'organization.status.level',
  'organization.memberof.chatons.status.level',
  'organization.memberof.chatons.enddate',
  'organization.enddate',
  'service.name',
  'service.website',
  'service.registration',
  'service.registration.load',
  'service.status.level',
  'service.enddate',
  'software.name',
  'federation.name',
  'file.datetime',
];

const nasty = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    'javascript:alert(1)',
    'data:text/html,x',
    'https://ok.example.org/',
    'pad.example.org',
    'http://u:p@x.org/',
    '<script>alert(1)</script>',
    'None',
    'free',
    'MEMBER',
    'client',
    'OPEN',
    'FULL',
    'OFF',
    'DRAFT',
    'IDLE',
    'AWAY',
    'ACTIVE',
    '2020-01-01',
    '31/12/2999',
    '45,76',
    '-200',
    '69440 Mornant',
    '20000 Ajaccio',
    '97400 Saint-Denis',
    'Brest, Finistère',
    'RE',
    'fr',
    'ZZ',
    'Etherpad',
    'etherpad-lite',
    'Lufi',
    '\u202e\u0000',
    'a'.repeat(5000),
    '__proto__',
    'constructor',
    'visioconférence',
  ),
);

const propertiesMap: fc.Arbitrary<PropertiesMap> = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 20 })), nasty), { maxLength: 12 })
  .map((pairs) => new Map(pairs));

const crawled: fc.Arbitrary<CrawledFederation> = fc.record({
  kind: fc.constantFrom('http' as const, 'file' as const),
  federation: fc.oneof(fc.string({ maxLength: 40 }), fc.constant('https://example.org/chatons.properties')),
  properties: propertiesMap,
  problems: fc.array(
    fc.record({
      code: fc.string({ maxLength: 10 }),
      message: fc.string({ maxLength: 40 }),
      at: fc.string({ maxLength: 40 }),
    }),
    {
      maxLength: 3,
    },
  ),
  organizations: fc.array(
    fc.record({
      id: fc.oneof(fc.string({ maxLength: 20 }), fc.constant('same')),
      from: fc.oneof(fc.string({ maxLength: 40 }), fc.constant('javascript:alert(1)')),
      properties: propertiesMap,
      services: fc.array(
        fc.record({
          id: fc.oneof(fc.string({ maxLength: 20 }), fc.constant('pad')),
          from: fc.string({ maxLength: 40 }),
          properties: propertiesMap,
        }),
        { maxLength: 4 },
      ),
    }),
    { maxLength: 5 },
  ),
});

const propertiesText = fc
  .array(
    fc.oneof(
      fc
        .tuple(fc.constantFrom(...KEYS), fc.constantFrom(' = ', '=', ':', ' ', '\t: '), nasty)
        .map(([k, s, v]) => `${k}${s}${v}`),
      fc.string({ maxLength: 80 }),
      fc.constantFrom(
        '# comment',
        '! comment',
        'key = value \\',
        '\\u00e9',
        '\\uZZZZ',
        '\\',
        '<html>',
        '\r',
        '\uFEFF',
      ),
    ),
    { maxLength: 20 },
  )
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)));

const builtAt = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});

describe('never throws, always validates', () => {
  it('parseProperties on any text', () => {
    fc.assert(
      fc.property(fc.oneof(propertiesText, fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        const result = parseProperties(text);
        if (result.ok) {
          for (const [k, v] of result.properties) {
            expect(typeof k).toBe('string');
            expect(typeof v).toBe('string');
          }
          subsOf(result.properties);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('normalizeFederation on any crawl: the snapshot validates and reads back unchanged', () => {
    fc.assert(
      fc.property(crawled, builtAt, (input, date) => {
        const snapshot = normalizeFederation(input, { catalogue: fixtureCatalogue, builtAt: date });
        const checked = validateSnapshot(snapshot);
        if (!checked.ok) throw new Error(checked.issues.join('; '));
        const reread = parseSnapshot(JSON.parse(JSON.stringify(snapshot)));
        expect(reread.ok && reread.dropped).toEqual([]);
        for (const org of snapshot.organizations) {
          if (org.website) expect(org.website).toMatch(/^https?:\/\//);
          for (const s of org.services) if (s.url) expect(s.url).toMatch(/^https?:\/\//);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parsing then normalising generated files', () => {
    fc.assert(
      fc.property(propertiesText, propertiesText, builtAt, (orgText, serviceText, date) => {
        const org = parseProperties(orgText);
        const service = parseProperties(serviceText);
        const snapshot = normalizeFederation(
          {
            kind: 'file',
            federation: 'chatons.properties',
            properties: new Map(),
            problems: [],
            organizations: org.ok
              ? [
                  {
                    id: 'o',
                    from: 'o.properties',
                    properties: org.properties,
                    services: service.ok
                      ? [{ id: 's', from: 's.properties', properties: service.properties }]
                      : [],
                  },
                ]
              : [],
          },
          { catalogue: fixtureCatalogue, builtAt: date },
        );
        expect(validateSnapshot(snapshot).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('text and URL cleaning', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.integer({ min: 1, max: 300 }),
        (text, max) => {
          const cleaned = cleanText(text, max);
          if (cleaned !== undefined) {
            expect(isCleanText(cleaned)).toBe(true);
            expect(Array.from(cleaned).length).toBeLessThanOrEqual(max);
            expect(cleaned).toBe(cleaned.trim());
          }
          const url = httpUrl(text);
          if (url !== undefined) expect(httpUrl(url)).toBe(url);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('region helpers on any input', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
        (text, languages) => {
          parseRegion(text);
          departementFromPostcode(text);
          const place = placeFromAddress(text);
          if (place.departement) expect(parseRegion(place.departement)?.kind).toBe('departement');
          expect(parseRegion(guessRegion({ languages, timeZone: text }))).not.toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('speed-ups that must not change answers', () => {
  const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
  const url = fc
    .tuple(
      fc.constantFrom('http', 'https'),
      fc.array(fc.oneof(label, fc.constantFrom('xn--e1a', '0x7f', '127', 'a..b')), {
        minLength: 1,
        maxLength: 3,
      }),
      fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,5}$/), fc.constantFrom('1', 'com', 'xn--p1ai')),
      fc.array(
        fc.oneof(
          fc.stringMatching(/^[\w\-.~!$&()*+,;=:@%']{0,8}$/),
          fc.constantFrom('.', '..', '%2e', 'a b'),
        ),
        { maxLength: 4 },
      ),
      fc.option(fc.stringMatching(/^[\w\-.~!$&()*+,;=:@/?'"]{0,10}$/)),
    )
    .map(
      ([scheme, labels, tld, path, query]) =>
        `${scheme}://${labels.join('.')}.${tld}/${path.join('/')}${query !== null ? `?${query}` : ''}`,
    );

  it('a URL taken by the fast path is exactly what the URL parser gives back', () => {
    fc.assert(
      fc.property(url, (candidate) => {
        if (isCanonicalHttpUrl(candidate)) expect(new URL(candidate).href).toBe(candidate);
        expect(isHttpUrl(candidate)).toBe(httpUrl(candidate) === candidate);
      }),
      { numRuns: 2000 },
    );
  });

  it('a relative service reference resolves back to where the file was read', () => {
    const path = fc.array(fc.constantFrom('a', 'b', '.well-known', 'chatonsinfos', 'x.properties'), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(
        fc.constantFrom('https://h.example', 'https://o.example'),
        path,
        fc.constantFrom('https://h.example', 'https://o.example'),
        path,
        (o1, p1, o2, p2) => {
          const base = `${o1}/${p1.join('/')}`;
          const target = `${o2}/${p2.join('/')}`;
          expect(new URL(relativeRef(base, target), base).href).toBe(new URL(target).href);
        },
      ),
      { numRuns: 500 },
    );
  });
});
