/** @vitest-environment node */
// Property-based tests of the compiled classifier on the real catalogue (fast-check).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getDomain } from 'tldts';
import { catalogue } from '../../../src/catalogue';
import { COUNTRY_DOMAIN_SUFFIXES, compileClassifier } from '../../../src/core/catalogue';

const classifier = compileClassifier(catalogue);
const serviceIds = new Set(catalogue.services.map((s) => s.id));
const RUNS = { numRuns: 2000 };

const rules = catalogue.services.flatMap((service) =>
  service.match.map((rule) => ({ service: service.id, ...rule })),
);
const ruleHosts = [...new Set(rules.map((rule) => rule.host))];
const ruleDomains = [...new Set(rules.map((rule) => getDomain(rule.host) ?? rule.host))];
const examples = catalogue.services.flatMap((service) =>
  service.examples.map((url) => ({ url, service: service.id })),
);

/** Whether a host belongs to a catalogued domain (then it may rightly be recognised). */
function underCatalogue(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return (
    ruleDomains.some((domain) => h === domain || h.endsWith(`.${domain}`)) || /(^|\.)google\.[a-z.]+$/.test(h)
  );
}

const hostArb = fc.constantFrom(...ruleHosts);
const pathArb = fc.constantFrom(
  '/',
  '/document/d/1',
  '/events/1',
  '/maps',
  '/search?q=x',
  '/j/123',
  '/mail/u/0/',
  '/messages/t/1',
  '/calendar/view/week',
  '/groups/1',
  '/:w:/r/sites/x',
  '/photos/all',
  '/w/s!abc',
  '/keynote/0abc',
);
/** Every rule with paths, one entry per prefix. */
const pathRules = rules.flatMap((rule) =>
  (rule.paths ?? []).map((prefix) => ({
    service: rule.service,
    host: rule.host,
    subdomains: rule.subdomains === true,
    prefix,
  })),
);
const countryRules = rules.filter((rule) => rule.countryDomains);
/** A domain that is not catalogued. */
const otherDomain = fc.domain().filter((d) => !underCatalogue(d));
const label = fc.stringMatching(/^[a-z0-9]{1,12}$/);

// Fast-check runs 2000 cases per property: on a loaded 2-core machine one property can pass 5 s.
describe('classifier properties', { timeout: 20_000 }, () => {
  it('never throws and answers null or a catalogued service, on any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc.string().map((s) => `https://${s}`),
        ),
        (url) => {
          const found = classifier.classify(url);
          expect(found === null || serviceIds.has(found.service)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('gives the same answer for a URL and for its parsed, normalised form', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc.tuple(hostArb, pathArb).map(([h, p]) => `https://${h}${p}`),
        ),
        (url) => {
          const normal = new URL(url).href;
          expect(classifier.classify(url)?.service ?? null).toBe(
            classifier.classify(normal)?.service ?? null,
          );
        },
      ),
      RUNS,
    );
  });

  it('never recognises <service-host>.<other-domain>', () => {
    fc.assert(
      fc.property(hostArb, otherDomain, pathArb, (host, other, path) => {
        expect(classifier.classify(`https://${host}.${other}${path}`)).toBeNull();
      }),
      RUNS,
    );
  });

  it('never recognises <other>-<service-domain> nor <other><service-domain>', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ruleDomains),
        label,
        pathArb,
        fc.boolean(),
        (domain, other, path, dash) => {
          const host = `${other}${dash ? '-' : ''}${domain}`;
          fc.pre(!underCatalogue(host));
          expect(classifier.classify(`https://${host}${path}`)).toBeNull();
        },
      ),
      RUNS,
    );
  });

  it('never recognises a service host written as user information', () => {
    fc.assert(
      fc.property(
        hostArb,
        otherDomain,
        pathArb,
        fc.constantFrom('', ':443', ':pass', 'user:'),
        (host, other, path, extra) => {
          expect(classifier.classify(`https://${host}${extra}@${other}${path}`)).toBeNull();
          expect(classifier.classify(`https://user:${host}@${other}${path}`)).toBeNull();
        },
      ),
      RUNS,
    );
  });

  it('never recognises a service host mentioned in the query or fragment of another site', () => {
    fc.assert(
      fc.property(
        hostArb,
        otherDomain,
        pathArb,
        fc.constantFrom('?u=https://', '?next=', '#', '/?a=1#https://', '?x=1&redirect=http://'),
        (host, other, path, glue) => {
          expect(classifier.classify(`https://${other}/${glue}${host}${path}`)).toBeNull();
          expect(classifier.classify(`https://${other}${glue}${host}${path}`)).toBeNull();
        },
      ),
      RUNS,
    );
  });

  it('keeps the match when a query or a fragment is added, whatever they say', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...examples),
        fc.string({ unit: 'binary' }),
        fc.constantFrom('?', '#', '&'),
        hostArb,
        (example, text, glue, host) => {
          const sep = glue === '&' ? (example.url.includes('?') ? '&' : '?') : glue;
          expect(classifier.classify(`${example.url}${sep}${text}`)?.service).toBe(example.service);
          expect(classifier.classify(`${example.url}${sep}u=https://${host}/`)?.service).toBe(
            example.service,
          );
        },
      ),
      RUNS,
    );
  });

  it('keeps the match whatever the case of the host, with a trailing dot or an explicit port', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...examples),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.constantFrom('', '.', ':443', '.:443'),
        (example, flips, extra) => {
          const url = new URL(example.url);
          const host = [...url.hostname.replace(/\.$/, '')]
            .map((ch, i) => (flips[i % 40] ? ch.toUpperCase() : ch))
            .join('');
          const rewritten = `${url.protocol}//${host}${extra}${url.pathname}${url.search}${url.hash}`;
          expect(classifier.classify(rewritten)?.service).toBe(example.service);
        },
      ),
      RUNS,
    );
  });

  it('holds a path rule on its prefix and whole segments below it, never on a longer segment', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...pathRules),
        label,
        fc.boolean(),
        fc.constantFrom('', '/', '?x=1', '#y'),
        (rule, word, sub, tail) => {
          const host = rule.subdomains && sub ? `${word}.${rule.host}` : rule.host;
          expect(classifier.classify(`https://${host}${rule.prefix}${tail}`)?.service).toBe(rule.service);
          expect(classifier.classify(`https://${host}${rule.prefix}/${word}${tail}`)?.service).toBe(
            rule.service,
          );
          expect(classifier.classify(`https://${host}${rule.prefix.toUpperCase()}/${word}`)?.service).toBe(
            rule.service,
          );
          // A longer segment is a sibling: the host's own answer, whatever it is, never this rule's.
          const sibling = classifier.classify(`https://${host}${rule.prefix}${word}${tail}`)?.service ?? null;
          expect(sibling).toBe(classifier.classify(`https://${host}/matou-no-such-path`)?.service ?? null);
          expect(sibling).not.toBe(rule.service);
        },
      ),
      RUNS,
    );
  });

  it('holds a country-domain rule under every country-code suffix, and under no generic one', () => {
    const suffixes = [...COUNTRY_DOMAIN_SUFFIXES, 'co.jp', 'com.br', 'com.au', 'co.in'];
    fc.assert(
      fc.property(
        fc.constantFrom(...countryRules),
        fc.constantFrom(...suffixes),
        fc.constantFrom('', '/', '/?hl=fr'),
        (rule, suffix, path) => {
          const host = rule.host.replace(/\.com$/, `.${suffix}`);
          const url = `https://${host}${rule.paths?.[0] ?? ''}${path}`;
          expect(classifier.classify(url)?.service, url).toBe(rule.service);
        },
      ),
      RUNS,
    );
    for (const rule of countryRules) {
      for (const generic of ['org', 'net', 'info', 'example', 'app']) {
        const url = `https://${rule.host.replace(/\.com$/, `.${generic}`)}/`;
        expect(classifier.classify(url), url).toBeNull();
      }
    }
  });

  it('never recognises a URL of another scheme, an IP address or localhost', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...examples),
        fc.constantFrom(
          'file:',
          'about:',
          'data:',
          'chrome:',
          'moz-extension:',
          'javascript:',
          'ftp:',
          'ws:',
          'wss:',
          'view-source:https:',
          'blob:https:',
          'chrome-extension:',
        ),
        (example, scheme) => {
          expect(classifier.classify(example.url.replace(/^https?:/, scheme))).toBeNull();
        },
      ),
      RUNS,
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.ipV4(),
          fc.ipV6().map((ip) => `[${ip}]`),
          fc.constant('localhost'),
        ),
        fc.option(fc.integer({ min: 1, max: 65535 })),
        pathArb,
        (host, port, path) => {
          expect(classifier.classify(`http://${host}${port === null ? '' : `:${port}`}${path}`)).toBeNull();
        },
      ),
      RUNS,
    );
  });
});
