// Country domains: the same brand under other public suffixes (www.google.fr, maps.google.co.uk).
//
// Recognising them is done with the Public Suffix List: a host belongs to the family of a rule on
// `maps.google.com` when, once its public suffix is taken off, what remains is `maps.google` and
// that suffix is a country-code one (`fr`, `co.uk`, `com.br`). The extension carries only the
// list's country-code part (./country-suffixes.ts, generated from tldts's copy of the list and
// checked against it by a test), not the whole list: a quarter of the background's size went to it.
//
// The manifest's match patterns cannot wildcard a top-level domain, though, so the content
// script is injected on an explicit list of countries: `COUNTRY_DOMAIN_SUFFIXES` below. It is
// the list the extension's users are most likely to meet (French-speaking countries, then
// neighbours); the classifier itself recognises every country domain of the family.
import { COUNTRY_SUFFIXES } from './country-suffixes';

/**
 * Suffixes whose country domains get content-script match patterns, in addition to the
 * rule's own (`com`). Each must be an ICANN country-code public suffix (a test checks it).
 */
export const COUNTRY_DOMAIN_SUFFIXES: readonly string[] = [
  // France and French-speaking Europe and America
  'fr',
  'be',
  'ch',
  'lu',
  'ca',
  'ht',
  // French-speaking Africa and the Indian Ocean
  'sn',
  'ci',
  'cm',
  'co.ma',
  'dz',
  'tn',
  'mg',
  'cd',
  // Neighbours
  'de',
  'co.uk',
  'es',
  'it',
  'nl',
  'at',
  'pt',
  'ie',
  'pl',
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

let suffixes: Set<string> | null = null;

/** `fr`, `co.uk`, `com.br`, `*.ck`…: the ICANN country-code suffixes of one or two labels, built on first use. */
function countrySuffixes(): Set<string> {
  if (suffixes) return suffixes;
  suffixes = new Set();
  for (const [tld, seconds] of Object.entries(COUNTRY_SUFFIXES)) {
    suffixes.add(tld);
    // `nom+`: rules go deeper under nom.tld; kept as `nom.tld+` so that its hosts are left alone.
    for (const label of seconds.split(' '))
      if (label) suffixes.add(label.endsWith('+') ? `${label.slice(0, -1)}.${tld}+` : `${label}.${tld}`);
  }
  return suffixes;
}

/** The longest country-code public suffix ending `host`, or null. */
function countrySuffixOf(host: string): string | null {
  const last = host.lastIndexOf('.');
  const tld = host.slice(last + 1);
  if (last <= 0 || !isCountryCodeSuffix(tld)) return null;
  const known = countrySuffixes();
  const before = host.lastIndexOf('.', last - 1);
  const two = host.slice(before + 1);
  // Wildcards and deeper rules (`*.ck` with `!www.ck`, `*.nom.br`): such hosts are left alone.
  if (known.has(`*.${tld}`) || known.has(`${two}+`)) return null;
  // A two-label suffix: the host needs a label of its own in front of it (`co.uk` alone is no domain).
  if (known.has(two)) return before > 0 ? two : null;
  return known.has(tld) ? tld : null;
}

function splitOn(host: string, suffix: string): CountrySplit | null {
  if (host.length <= suffix.length + 1) return null;
  const key = host.slice(0, host.length - suffix.length - 1);
  const brand = key.slice(key.lastIndexOf('.') + 1);
  return brand ? { key, brand, suffix } : null;
}

/**
 * Splits a host on its public suffix when that suffix is an ICANN country-code one
 * (its last label has two letters). `null` otherwise (generic TLDs, IPs, unknown TLDs).
 */
export function splitCountryHost(host: string): CountrySplit | null {
  const suffix = countrySuffixOf(host);
  return suffix ? splitOn(host, suffix) : null;
}

/** `fr`, `co.uk`, `com.br`: a public suffix whose top-level label is a two-letter country code. */
export function isCountryCodeSuffix(suffix: string): boolean {
  const dot = suffix.lastIndexOf('.');
  const tld = dot < 0 ? suffix : suffix.slice(dot + 1);
  return (
    tld.length === 2 &&
    tld.charCodeAt(0) >= 97 &&
    tld.charCodeAt(0) <= 122 &&
    tld.charCodeAt(1) >= 97 &&
    tld.charCodeAt(1) <= 122
  );
}

/**
 * A rule host without its public suffix (`maps.google.com` -> `maps.google`, `www.amazon.co.uk`
 * -> `www.amazon`), or null. A generic top-level domain (`com`) is taken as the whole suffix:
 * catalogue:check proves that for every rule with country domains, as the full list reads it.
 */
export function withoutSuffix(host: string): CountrySplit | null {
  const suffix = countrySuffixOf(host) ?? host.slice(host.lastIndexOf('.') + 1);
  return host.includes('.') ? splitOn(host, suffix) : null;
}

/** The host of a rule with its public suffix replaced: (`maps.google.com`, `co.uk`) -> `maps.google.co.uk`. */
export function withSuffix(host: string, suffix: string): string | null {
  const parts = withoutSuffix(host);
  return parts ? `${parts.key}.${suffix}` : null;
}
