/** @vitest-environment node */
import { describe, expect, it } from 'vitest';
import { parse } from 'tldts';
import {
  COUNTRY_DOMAIN_SUFFIXES,
  contentScriptMatches,
  type Catalogue,
} from '../../../../src/core/catalogue';
import { isCountryCodeSuffix } from '../../../../src/core/catalogue/country-domains';

const fixture = (match: Catalogue['services'][number]['match']): Catalogue => ({
  categories: [],
  software: [],
  services: [{ id: 's', name: 's', owner: 'o', category: 'c', match, examples: [], lookalikes: [] }],
});

describe('contentScriptMatches', () => {
  it('gives exact hosts one pattern and domains with subdomains two', () => {
    expect(
      contentScriptMatches(fixture([{ host: 'mail.google.com' }, { host: 'zoom.us', subdomains: true }])),
    ).toEqual(['https://*.zoom.us/*', 'https://mail.google.com/*', 'https://zoom.us/*']);
  });

  it('leaves out hosts a wildcard already covers, and paths (the page may move within the host)', () => {
    expect(
      contentScriptMatches(
        fixture([
          { host: 'facebook.com', subdomains: true },
          { host: 'www.facebook.com', paths: ['/events'] },
        ]),
      ),
    ).toEqual(['https://*.facebook.com/*', 'https://facebook.com/*']);
  });

  it('spells out each supported country domain', () => {
    const patterns = contentScriptMatches(fixture([{ host: 'maps.google.com', countryDomains: true }]));
    expect(patterns).toContain('https://maps.google.com/*');
    expect(patterns).toContain('https://maps.google.fr/*');
    expect(patterns).toContain('https://maps.google.co.uk/*');
    expect(patterns).toHaveLength(COUNTRY_DOMAIN_SUFFIXES.length + 1);
  });

  it('supports only real country-code public suffixes', () => {
    for (const suffix of COUNTRY_DOMAIN_SUFFIXES) {
      const info = parse(`google.${suffix}`);
      expect(info.publicSuffix, suffix).toBe(suffix);
      expect(info.isIcann, suffix).toBe(true);
      expect(isCountryCodeSuffix(suffix), suffix).toBe(true);
    }
    expect(new Set(COUNTRY_DOMAIN_SUFFIXES).size).toBe(COUNTRY_DOMAIN_SUFFIXES.length);
  });
});
