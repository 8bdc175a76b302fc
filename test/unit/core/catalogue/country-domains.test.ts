// The classifier's country-code suffixes are the Public Suffix List's, as tldts ships it: the
// generated table has not drifted, and splitting a host with it reads as the full list does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import { countrySuffixesFromPsl, countrySuffixesModule } from '../../../../scripts/lib/country-suffixes';
import { catalogue } from '../../../../src/catalogue';
import { splitCountryHost, withoutSuffix } from '../../../../src/core/catalogue/country-domains';
import { COUNTRY_SUFFIXES } from '../../../../src/core/catalogue/country-suffixes';

const root = resolve(import.meta.dirname, '../../../..');
const tldtsVersion = (
  JSON.parse(readFileSync(resolve(root, 'node_modules/tldts/package.json'), 'utf8')) as { version: string }
).version;

/** The split as the full list reads it (what country-domains.ts did with tldts before). */
function fullListSplit(host: string) {
  const info = parse(host, { allowPrivateDomains: false, extractHostname: false, validateHostname: false });
  const suffix = info.publicSuffix;
  const brand = info.domainWithoutSuffix;
  if (!info.isIcann || !suffix || !brand || info.isIp || !/(^|\.)[a-z]{2}$/.test(suffix)) return null;
  return { key: info.subdomain ? `${info.subdomain}.${brand}` : brand, brand, suffix };
}

const suffixes = Object.entries(COUNTRY_SUFFIXES).flatMap(([tld, seconds]) => [
  tld,
  ...seconds
    .split(' ')
    .filter((s) => s && s !== '*')
    .map((s) => `${s.replace(/\+$/, '')}.${tld}`),
]);
const familyKeys = catalogue.services.flatMap((s) =>
  s.match.filter((r) => r.countryDomains).map((r) => withoutSuffix(r.host)!.key),
);

describe('country suffixes', () => {
  it('are the ones tldts ships (run `npm run catalogue:suffixes` after updating tldts)', () => {
    const file = readFileSync(resolve(root, 'src/core/catalogue/country-suffixes.ts'), 'utf8');
    expect(file).toBe(countrySuffixesModule(countrySuffixesFromPsl(), tldtsVersion));
    expect(suffixes.length).toBeGreaterThan(1500);
    expect(suffixes).toEqual(
      expect.arrayContaining(['fr', 'be', 'co.uk', 'com.br', 'gouv.fr', 'ac.jp', 'com.au', 'co.jp']),
    );
    expect(suffixes).not.toContain('aichi.jp');
  });

  it('split every family host under every country suffix as the full list does', () => {
    expect(familyKeys).toEqual(expect.arrayContaining(['www.google', 'maps.google']));
    let split = 0;
    for (const key of familyKeys) {
      for (const suffix of suffixes) {
        const host = `${key}.${suffix}`;
        const ours = splitCountryHost(host);
        // Under a wildcard or a suffix with deeper rules (`*.ck`, `*.nom.br`) the classifier leaves hosts alone.
        const seconds = (COUNTRY_SUFFIXES[suffix.slice(suffix.lastIndexOf('.') + 1)] ?? '').split(' ');
        if (ours === null && (seconds.includes('*') || seconds.includes(`${suffix.split('.')[0]}+`)))
          continue;
        expect(ours, host).toEqual(fullListSplit(host));
        split += 1;
      }
    }
    expect(split).toBeGreaterThan(familyKeys.length * 1500);
  });

  it("never give a catalogue family a host the full list does not read as that family's (property)", () => {
    const families = new Set(familyKeys);
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
    const front = fc.oneof(
      fc.array(label, { minLength: 1, maxLength: 3 }).map((labels) => labels.join('.')),
      fc.constantFrom(...familyKeys),
    );
    const middle = fc.constantFrom('', 'kawasaki.', 'aichi.', 'evil.', 'co.', 'www.');
    const tail = fc.constantFrom(
      ...suffixes.slice(0, 400),
      'com',
      'org',
      'ck',
      'co.ck',
      'www.ck',
      'kawasaki.jp',
      'blogspot.fr',
      'evil.tk',
      '1',
    );
    fc.assert(
      fc.property(front, middle, tail, (start, between, suffix) => {
        const host = `${start}.${between}${suffix}`;
        const ours = splitCountryHost(host);
        // A split the classifier acts on (its key is a family's) is the full list's split.
        if (ours !== null && families.has(ours.key)) expect(ours).toEqual(fullListSplit(host));
      }),
      { numRuns: 5000 },
    );
  });

  it("read the brands' real country domains, and leave a host under a long second level alone", () => {
    expect(splitCountryHost('www.google.co.uk')).toEqual({
      key: 'www.google',
      brand: 'google',
      suffix: 'co.uk',
    });
    expect(splitCountryHost('www.amazon.com.br')).toEqual({
      key: 'www.amazon',
      brand: 'amazon',
      suffix: 'com.br',
    });
    expect(splitCountryHost('maps.google.fr')).toEqual({ key: 'maps.google', brand: 'google', suffix: 'fr' });
    // aichi.jp is a public suffix the table leaves out: the label stays in the key, no family has it.
    expect(splitCountryHost('www.google.aichi.jp')?.key).toBe('www.google.aichi');
  });

  it('take the generic suffix off a rule host', () => {
    expect(withoutSuffix('maps.google.com')).toEqual({ key: 'maps.google', brand: 'google', suffix: 'com' });
    expect(withoutSuffix('www.amazon.co.uk')).toEqual({
      key: 'www.amazon',
      brand: 'amazon',
      suffix: 'co.uk',
    });
    expect(withoutSuffix('localhost')).toBeNull();
  });
});
