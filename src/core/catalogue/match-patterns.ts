// The content script's match patterns, derived from the catalogue's rules.
//
// The content script only reports the page's URL; the background classifies it. So the patterns
// are per host (never per path: a single-page app moves from /search to /maps without a new
// document), https only, and never an all-sites pattern:
//   exact host          -> https://mail.google.com/*
//   subdomain rule      -> https://zoom.us/* and https://*.zoom.us/*
//   country domains     -> the same for each of COUNTRY_DOMAIN_SUFFIXES (www.google.fr, …)
// A host already covered by a `*.` pattern gets no pattern of its own.
import type { Catalogue } from './types';
import { COUNTRY_DOMAIN_SUFFIXES, withSuffix } from './country-domains';
import { normaliseHost } from './classifier';

function ruleHosts(host: string, countryDomains: boolean | undefined): string[] {
  if (!countryDomains) return [host];
  const hosts = [host];
  for (const suffix of COUNTRY_DOMAIN_SUFFIXES) {
    const other = withSuffix(host, suffix);
    if (other) hosts.push(other);
  }
  return hosts;
}

/** The sorted, de-duplicated `content_scripts[0].matches` the manifest must carry. */
export function contentScriptMatches(catalogue: Catalogue): string[] {
  const exactHosts = new Set<string>();
  const wildcardDomains = new Set<string>();
  for (const service of catalogue.services) {
    for (const rule of service.match) {
      for (const host of ruleHosts(normaliseHost(rule.host), rule.countryDomains)) {
        (rule.subdomains ? wildcardDomains : exactHosts).add(host);
      }
    }
  }
  const covered = (host: string): boolean => {
    for (let domain = host; ;) {
      if (wildcardDomains.has(domain)) return true;
      const dot = domain.indexOf('.');
      if (dot < 0) return false;
      domain = domain.slice(dot + 1);
    }
  };
  const patterns = new Set<string>();
  for (const domain of wildcardDomains) {
    patterns.add(`https://${domain}/*`);
    patterns.add(`https://*.${domain}/*`);
  }
  for (const host of exactHosts) if (!covered(host)) patterns.add(`https://${host}/*`);
  return [...patterns].sort();
}
