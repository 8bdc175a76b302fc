/** @vitest-environment node */
// The classifier on a small hand-made catalogue: lookups, specificity, country domains.
import { describe, expect, it } from 'vitest';
import { compileClassifier, type Catalogue, type Service } from '../../../../src/core/catalogue';

function service(id: string, match: Service['match']): Service {
  return { id, name: id, owner: 'owner', category: 'cat', match, examples: [], lookalikes: [] };
}

const fixture: Catalogue = {
  categories: [{ id: 'cat', label: { fr: 'c', en: 'c' } }],
  software: [],
  services: [
    service('docs', [{ host: 'docs.example.com', paths: ['/document'] }]),
    service('sheets', [{ host: 'docs.example.com', paths: ['/spreadsheets/'] }]),
    service('deep', [{ host: 'docs.example.com', paths: ['/document/special'] }]),
    service('wall', [{ host: 'social.example', subdomains: true }]),
    service('events', [{ host: 'social.example', subdomains: true, paths: ['/events'] }]),
    service('one-sub', [{ host: 'www.social.example' }]),
    service('maps', [
      { host: 'maps.brand.com', countryDomains: true },
      { host: 'www.brand.com', paths: ['/maps'], countryDomains: true },
    ]),
    service('search', [{ host: 'www.brand.com', countryDomains: true }]),
    service('x', [{ host: 'x.com', subdomains: true }]),
  ],
};
const classifier = compileClassifier(fixture);
const id = (url: string): string | null => classifier.classify(url)?.service ?? null;

describe('compileClassifier', () => {
  it('narrows a host by path prefix, whole segments only, any case', () => {
    expect(id('https://docs.example.com/document/d/1')).toBe('docs');
    expect(id('https://docs.example.com/document')).toBe('docs');
    expect(id('https://docs.example.com/DOCUMENT?x')).toBe('docs');
    expect(id('https://docs.example.com/spreadsheets/d/1')).toBe('sheets');
    expect(id('https://docs.example.com/spreadsheets')).toBe('sheets');
    expect(id('https://docs.example.com/documents')).toBeNull();
    expect(id('https://docs.example.com/')).toBeNull();
  });

  it('lets the longest path prefix win', () => {
    expect(id('https://docs.example.com/document/special/1')).toBe('deep');
    expect(id('https://docs.example.com/document/specialist')).toBe('docs');
  });

  it('takes every subdomain of a registrable domain, and nothing that merely ends like it', () => {
    expect(id('https://social.example/')).toBe('wall');
    expect(id('https://m.social.example/someone')).toBe('wall');
    expect(id('https://a.b.c.social.example/')).toBe('wall');
    expect(id('https://antisocial.example/')).toBeNull();
    expect(id('https://social.example.evil.test/')).toBeNull();
    expect(id('https://x.com/')).toBe('x');
    expect(id('https://mobile.x.com/')).toBe('x');
    expect(id('https://xx.com/')).toBeNull();
    expect(id('https://max.com/')).toBeNull();
  });

  it('prefers the exact host, then a path, then the whole domain', () => {
    expect(id('https://www.social.example/events/1')).toBe('one-sub');
    expect(id('https://m.social.example/events/1')).toBe('events');
    expect(id('https://m.social.example/eventsx')).toBe('wall');
  });

  it('follows country domains through the public suffix list', () => {
    expect(id('https://www.brand.com/maps/place/x')).toBe('maps');
    expect(id('https://www.brand.fr/maps/place/x')).toBe('maps');
    expect(id('https://www.brand.co.uk/maps')).toBe('maps');
    expect(id('https://www.brand.com.br/maps')).toBe('maps');
    expect(id('https://maps.brand.de/')).toBe('maps');
    expect(id('https://www.brand.fr/search?q=1')).toBe('search');
    expect(id('https://www.brand.fr/')).toBe('search');
    // not a country-code suffix, not the same host, not the brand's registrable domain
    expect(id('https://www.brand.org/maps')).toBeNull();
    expect(id('https://www.brand.xyz/maps')).toBeNull();
    expect(id('https://news.brand.fr/')).toBeNull();
    expect(id('https://www.brand.com.evil.fr/maps')).toBeNull();
    expect(id('https://www.brand.fr.evil.example/maps')).toBeNull();
    expect(id('https://www.notbrand.fr/maps')).toBeNull();
    expect(id('https://maps.brand.example/')).toBeNull();
  });

  it('reports the normalised host with the service, category and owner', () => {
    expect(classifier.classify('HTTPS://M.Social.Example.:443/x')).toEqual({
      service: 'wall',
      category: 'cat',
      owner: 'owner',
      host: 'm.social.example',
    });
    expect(classifier.classifyLocation({ host: 'WWW.BRAND.BE.', path: '/maps' })).toEqual({
      service: 'maps',
      category: 'cat',
      owner: 'owner',
      host: 'www.brand.be',
    });
  });

  it('takes paths the fast scan cannot read through the full parser', () => {
    expect(id('https://docs.example.com/x/../document/d/1')).toBe('docs');
    expect(id('https://docs.example.com\\document')).toBe('docs');
    expect(id('https://docs.example.com/%2e/spreadsheets')).toBe('sheets');
    expect(id('https://docs.example.com/docu\tment')).toBe('docs');
  });

  it('never throws, whatever it is given', () => {
    for (const value of [
      undefined,
      null,
      42,
      {},
      [],
      Symbol('x'),
      '\u0000',
      'https://\uD800',
      `https://${'a.'.repeat(5000)}com/`,
    ]) {
      expect(() => classifier.classify(value as unknown as string)).not.toThrow();
      expect(classifier.classify(value as unknown as string)).toBeNull();
    }
  });

  it('compiles an empty catalogue', () => {
    expect(
      compileClassifier({ categories: [], software: [], services: [] }).classify('https://x.com/'),
    ).toBeNull();
  });
});
