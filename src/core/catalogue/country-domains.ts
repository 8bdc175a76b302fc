// Country domains: the same brand under other public suffixes (www.google.fr, maps.google.co.uk).
//
// Recognising them is done with the Public Suffix List (tldts): a host belongs to the family of
// a rule on `maps.google.com` when, once its public suffix is taken off, what remains is
// `maps.google` and that suffix is a country-code one (`fr`, `co.uk`, `com.br`). No regular
// expression, no hand list of suffixes on that side.
//
// The manifest's match patterns cannot wildcard a top-level domain, though, so the content
// script is injected on an explicit list of countries: `COUNTRY_DOMAIN_SUFFIXES` below. It is
// the list the extension's users are most likely to meet (French-speaking countries, then
// neighbours); the classifier itself recognises every country domain of the family.
import { parse } from 'tldts';

/**
 * Suffixes whose country domains get content-script match patterns, in addition to the
 * rule's own (`com`). Each must be an ICANN country-code public suffix (a test checks it).
 */
export const COUNTRY_DOMAIN_SUFFIXES: readonly string[] = [
  // France and French-speaking Europe and America
  'fr', 'be', 'ch', 'lu', 'ca', 'ht',
  // French-speaking Africa and the Indian Ocean
  'sn', 'ci', 'cm', 'co.ma', 'dz', 'tn', 'mg', 'cd',
  // Neighbours
  'de', 'co.uk', 'es', 'it', 'nl', 'at', 'pt', 'ie', 'pl',
];

/** The parts of a host that matter to country families. */
export interface CountrySplit {
  /** The host without its public suffix: `maps.google` for `maps.google.co.uk`. */
  key: string;
  /** The registrable label: `google`. */
  brand: string;
  /** `co.uk` */
  suffix: string;
}

/**
 * Splits a host on its public suffix when that suffix is an ICANN country-code one
 * (its last label has two letters). `null` otherwise (generic TLDs, IPs, unknown TLDs).
 */
export function splitCountryHost(host: string): CountrySplit | null {
  const info = parse(host, { allowPrivateDomains: false, extractHostname: false, validateHostname: false });
  const suffix = info.publicSuffix;
  const brand = info.domainWithoutSuffix;
  if (!info.isIcann || !suffix || !brand || info.isIp) return null;
  if (!isCountryCodeSuffix(suffix)) return null;
  const key = info.subdomain ? `${info.subdomain}.${brand}` : brand;
  return { key, brand, suffix };
}

/** `fr`, `co.uk`, `com.br`: a public suffix whose top-level label is a two-letter country code. */
export function isCountryCodeSuffix(suffix: string): boolean {
  const dot = suffix.lastIndexOf('.');
  const tld = dot < 0 ? suffix : suffix.slice(dot + 1);
  return tld.length === 2 && tld.charCodeAt(0) >= 97 && tld.charCodeAt(0) <= 122 && tld.charCodeAt(1) >= 97 && tld.charCodeAt(1) <= 122;
}

/** The host of a rule with its public suffix replaced: (`maps.google.com`, `co.uk`) -> `maps.google.co.uk`. */
export function withSuffix(host: string, suffix: string): string | null {
  const info = parse(host, { allowPrivateDomains: false });
  if (!info.publicSuffix || !info.domainWithoutSuffix) return null;
  return `${host.slice(0, host.length - info.publicSuffix.length)}${suffix}`;
}

/** The host of a rule without its public suffix (`maps.google.com` -> `maps.google`), or null. */
export function withoutSuffix(host: string): { key: string; brand: string; suffix: string } | null {
  const info = parse(host, { allowPrivateDomains: false });
  if (!info.publicSuffix || !info.domainWithoutSuffix) return null;
  return {
    key: host.slice(0, host.length - info.publicSuffix.length - 1),
    brand: info.domainWithoutSuffix,
    suffix: info.publicSuffix,
  };
}
