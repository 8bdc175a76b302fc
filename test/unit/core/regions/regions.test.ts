// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  COUNTRIES,
  DEPARTEMENTS,
  FRENCH_REGIONS,
  ISO_ALPHA2,
  countryFromName,
  departementFromPostcode,
  guessRegion,
  parseRegion,
  placeFromAddress,
  regionLabel,
  regionOfDepartement,
} from '../../../../src/core/regions';

describe('tables', () => {
  it('has the 101 départements, each in one of the 18 régions', () => {
    expect(DEPARTEMENTS).toHaveLength(101);
    expect(FRENCH_REGIONS).toHaveLength(18);
    const codes = new Set(DEPARTEMENTS.map((d) => d.code));
    expect(codes.size).toBe(101);
    for (let n = 1; n <= 95; n += 1) {
      if (n !== 20) expect(codes.has(String(n).padStart(2, '0'))).toBe(true);
    }
    for (const code of ['2A', '2B', '971', '972', '973', '974', '976']) expect(codes.has(code)).toBe(true);
    expect(codes.has('20')).toBe(false);
    expect(codes.has('975')).toBe(false);
    const regions = new Set(FRENCH_REGIONS.map((r) => r.code));
    for (const d of DEPARTEMENTS) expect(regions.has(d.region)).toBe(true);
    // every région has at least one département
    for (const r of regions) expect(DEPARTEMENTS.some((d) => d.region === r)).toBe(true);
    expect([...regions].sort()).toEqual([
      'ARA',
      'BFC',
      'BRE',
      'COR',
      'CVL',
      'GES',
      'GUA',
      'GUF',
      'HDF',
      'IDF',
      'LRE',
      'MAY',
      'MTQ',
      'NAQ',
      'NOR',
      'OCC',
      'PAC',
      'PDL',
    ]);
  });

  it('spot-checks départements against their région', () => {
    const region = (code: string) => DEPARTEMENTS.find((d) => d.code === code)?.region;
    expect(region('69')).toBe('ARA');
    expect(region('29')).toBe('BRE');
    expect(region('2A')).toBe('COR');
    expect(region('44')).toBe('PDL');
    expect(region('67')).toBe('GES');
    expect(region('90')).toBe('BFC');
    expect(region('974')).toBe('LRE');
    expect(region('976')).toBe('MAY');
  });

  it('knows the 249 ISO alpha-2 codes and the French-speaking countries', () => {
    expect(ISO_ALPHA2.size).toBe(249);
    for (const c of COUNTRIES) expect(ISO_ALPHA2.has(c.code)).toBe(true);
    for (const code of ['FR', 'BE', 'CH', 'LU', 'CA', 'MC'])
      expect(COUNTRIES.some((c) => c.code === code)).toBe(true);
  });
});

describe('parseRegion', () => {
  it('accepts countries, départements and régions, in any case', () => {
    expect(parseRegion('FR')).toEqual({ code: 'FR', kind: 'country', countryCode: 'FR' });
    expect(parseRegion('be')).toEqual({ code: 'BE', kind: 'country', countryCode: 'BE' });
    expect(parseRegion(' fr-69 ')).toEqual({
      code: 'FR-69',
      kind: 'departement',
      countryCode: 'FR',
      departement: 'FR-69',
      region: 'FR-ARA',
    });
    expect(parseRegion('fr-2a')?.code).toBe('FR-2A');
    expect(parseRegion('FR-974')).toMatchObject({ kind: 'departement', region: 'FR-LRE' });
    expect(parseRegion('FR-ARA')).toEqual({
      code: 'FR-ARA',
      kind: 'region',
      countryCode: 'FR',
      region: 'FR-ARA',
    });
    expect(parseRegion('FR-BRE')?.kind).toBe('region');
    expect(parseRegion('DE')?.kind).toBe('country');
  });

  it('accepts current ISO spellings and overseas alpha-2 codes as aliases', () => {
    expect(parseRegion('FR-20R')?.code).toBe('FR-COR');
    expect(parseRegion('FR-RE')?.code).toBe('FR-LRE');
    expect(parseRegion('RE')?.code).toBe('FR-974');
    expect(parseRegion('GP')?.code).toBe('FR-971');
    expect(parseRegion('FR-69M')?.code).toBe('FR-69');
  });

  it('refuses anything else', () => {
    for (const bad of [
      '',
      'F',
      'FRA',
      'FR-20',
      'FR-975',
      'FR-00',
      'FR-96',
      'FR-XYZ',
      'BE-69',
      'ZZ',
      'UK',
      'EU',
      'FR-',
      'FR--69',
      'fr_69',
      '<script>',
      'FR-6 9',
    ]) {
      expect(parseRegion(bad)).toBeNull();
    }
    expect(parseRegion(undefined as unknown as string)).toBeNull();
    expect(parseRegion('x'.repeat(1000))).toBeNull();
  });

  it('gives the région of a département', () => {
    expect(regionOfDepartement('FR-29')).toBe('FR-BRE');
    expect(regionOfDepartement('FR-ARA')).toBeNull();
  });
});

describe('departementFromPostcode', () => {
  it('reads metropolitan, Corsican and overseas postcodes', () => {
    expect(departementFromPostcode('69440')).toBe('FR-69');
    expect(departementFromPostcode('01000')).toBe('FR-01');
    expect(departementFromPostcode('75019')).toBe('FR-75');
    expect(departementFromPostcode('20000')).toBe('FR-2A');
    expect(departementFromPostcode('20137')).toBe('FR-2A');
    expect(departementFromPostcode('20200')).toBe('FR-2B');
    expect(departementFromPostcode('20600')).toBe('FR-2B');
    expect(departementFromPostcode('97100')).toBe('FR-971');
    expect(departementFromPostcode('97200')).toBe('FR-972');
    expect(departementFromPostcode('97300')).toBe('FR-973');
    expect(departementFromPostcode('97400')).toBe('FR-974');
    expect(departementFromPostcode('97600')).toBe('FR-976');
  });

  it('refuses what is not a French département postcode', () => {
    for (const bad of ['97500', '97133', '97150', '98000', '00100', '1000', '690000', 'abcde', '', ' 6944']) {
      expect(departementFromPostcode(bad)).toBeNull();
    }
  });
});

describe('placeFromAddress', () => {
  it('uses the postcode, skipping box numbers, and takes the city after it', () => {
    expect(placeFromAddress('18-20, rue Euryale Dehaynin 75019 Paris')).toEqual({
      countryCode: 'FR',
      departement: 'FR-75',
      region: 'FR-IDF',
      city: 'Paris',
    });
    expect(placeFromAddress('1 place X, CS 30001, 69001 Lyon Cedex 01')).toMatchObject({
      departement: 'FR-69',
      city: 'Lyon',
    });
    expect(placeFromAddress('Lieu-dit Corsonat, 69440 Mornant')).toMatchObject({
      departement: 'FR-69',
      city: 'Mornant',
    });
  });

  it('reads département, région and prefecture names when there is no postcode', () => {
    expect(placeFromAddress('Brest, Finistère')).toEqual({
      countryCode: 'FR',
      departement: 'FR-29',
      region: 'FR-BRE',
      city: 'Brest',
    });
    expect(placeFromAddress('Montpellier, Hérault')).toMatchObject({
      departement: 'FR-34',
      city: 'Montpellier',
    });
    expect(placeFromAddress('Lyon')).toMatchObject({ departement: 'FR-69', city: 'Lyon' });
    expect(placeFromAddress('Alsace')).toEqual({ countryCode: 'FR', region: 'FR-GES' });
    expect(placeFromAddress('Vienne, Isère')).toMatchObject({ departement: 'FR-38', city: 'Vienne' });
    expect(placeFromAddress('Bretagne')).toEqual({ countryCode: 'FR', region: 'FR-BRE' });
    expect(placeFromAddress('Compiègne')).toEqual({ city: 'Compiègne' });
    expect(placeFromAddress('Compiègne, France')).toEqual({ countryCode: 'FR', city: 'Compiègne' });
  });

  it('does not read French postcodes for another country', () => {
    expect(placeFromAddress('Rue Haute 1, 1000 Bruxelles', 'BE')).toEqual({ city: 'Bruxelles' });
    expect(placeFromAddress('Musterstraße 1, 10115 Berlin', 'DE')).toEqual({ city: 'Berlin' });
  });

  it('says nothing rather than guess', () => {
    expect(placeFromAddress('')).toEqual({});
    expect(placeFromAddress('12345')).toEqual({});
    expect(placeFromAddress('Maison Bleue, 4 avenue des Cottages')).toEqual({});
  });

  it('reads country names', () => {
    expect(countryFromName('Belgique')).toBe('BE');
    expect(countryFromName('suisse')).toBe('CH');
    expect(countryFromName('FRANCE')).toBe('FR');
    expect(countryFromName('Atlantis')).toBeNull();
  });
});

describe('guessRegion', () => {
  it('follows the time zone when it names a place', () => {
    expect(guessRegion({ languages: ['fr-FR'], timeZone: 'Europe/Paris' })).toBe('FR');
    expect(guessRegion({ languages: ['fr'], timeZone: 'Indian/Reunion' })).toBe('FR-974');
    expect(guessRegion({ languages: ['en-US'], timeZone: 'America/Montreal' })).toBe('CA');
    expect(guessRegion({ languages: ['fr-FR'], timeZone: 'Europe/Brussels' })).toBe('BE');
    expect(guessRegion({ languages: ['fr'], timeZone: 'America/Martinique' })).toBe('FR-972');
  });

  it('falls back on the language, then on FR', () => {
    expect(guessRegion({ languages: ['fr-BE', 'fr'] })).toBe('BE');
    expect(guessRegion({ languages: ['fr-CA'], timeZone: 'UTC' })).toBe('CA');
    expect(guessRegion({ languages: ['fr-CH'], timeZone: 'Etc/GMT' })).toBe('CH');
    expect(guessRegion({ languages: ['es-419', 'fr-LU'] })).toBe('LU');
    expect(guessRegion({ languages: ['zh-Hant-TW'] })).toBe('TW');
    expect(guessRegion({ languages: ['fr'] })).toBe('FR');
    expect(guessRegion({ languages: [] })).toBe('FR');
    expect(guessRegion({ languages: ['x-klingon', 'en-ZZ'] })).toBe('FR');
  });

  it('always returns a valid region', () => {
    expect(parseRegion(guessRegion({ languages: ['fr-RE'] }))?.code).toBe('FR-974');
    expect(guessRegion({ languages: null as unknown as string[] })).toBe('FR');
  });
});

describe('labels', () => {
  it('names each kind of code in French and English', () => {
    expect(regionLabel('FR-69', 'fr')).toBe('Rhône (69)');
    expect(regionLabel('FR-2A', 'en')).toBe('Corse-du-Sud (2A)');
    expect(regionLabel('FR-BRE', 'fr')).toBe('Bretagne');
    expect(regionLabel('FR-BRE', 'en')).toBe('Brittany');
    expect(regionLabel('BE', 'fr')).toBe('Belgique');
    expect(regionLabel('BE', 'en')).toBe('Belgium');
    expect(regionLabel('JP', 'fr')).toBe('Japon');
    expect(regionLabel('nonsense', 'fr')).toBe('nonsense');
  });

  it('reads every département in its own région', () => {
    for (const d of DEPARTEMENTS) expect(parseRegion(`FR-${d.code}`)?.region).toBe(`FR-${d.region}`);
  });
});
