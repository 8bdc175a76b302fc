/** @vitest-environment node */
// The real catalogue: valid, complete, listed in index.ts, and in step with manifest.json.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../src/catalogue';
import {
  REQUIRED_CATEGORY_IDS,
  REQUIRED_SERVICE_IDS,
  compileClassifier,
  contentScriptMatches,
  validateCatalogue,
} from '../../../src/core/catalogue';

const root = new URL('../../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8')) as { content_scripts: { matches: string[] }[] };
const classifier = compileClassifier(catalogue);

/** Chromium/Firefox match-pattern semantics for the host part, enough for https patterns. */
function covered(patterns: readonly string[], url: string): boolean {
  const { protocol } = new URL(url);
  // Hosts compared without a trailing dot, as the classifier does (whether a browser injects
  // on "mail.google.com." is its own business).
  const hostname = new URL(url).hostname.replace(/\.$/, '');
  return patterns.some((pattern) => {
    const match = /^(https?):\/\/([^/]+)\/\*$/.exec(pattern);
    if (!match || `${match[1]}:` !== protocol) return false;
    const host = match[2] ?? '';
    if (host.startsWith('*.')) return hostname === host.slice(2) || hostname.endsWith(host.slice(1));
    return hostname === host;
  });
}

describe('the catalogue', () => {
  it('validates without a single problem', () => {
    expect(validateCatalogue(catalogue).problems).toEqual([]);
  });

  it('has the fixed category and service ids, and enough of everything', () => {
    const categories = new Set(catalogue.categories.map((c) => c.id));
    const services = new Set(catalogue.services.map((s) => s.id));
    for (const id of REQUIRED_CATEGORY_IDS) expect(categories, id).toContain(id);
    for (const id of REQUIRED_SERVICE_IDS) expect(services, id).toContain(id);
    expect(catalogue.services.length).toBeGreaterThanOrEqual(45);
    expect(catalogue.software.length).toBeGreaterThanOrEqual(35);
    const owners = new Set(catalogue.services.map((s) => s.owner));
    for (const owner of ['google', 'microsoft', 'meta', 'apple', 'amazon']) expect(owners).toContain(owner);
  });

  it('gives every need a free software, and every software a fit note per need', () => {
    for (const category of catalogue.categories) {
      expect(catalogue.software.some((s) => s.categories.includes(category.id)), category.id).toBe(true);
    }
    for (const software of catalogue.software) expect(Object.keys(software.fitNotes).sort()).toEqual([...software.categories].sort());
  });

  it('names the software the CHATONS directory mirror uses', () => {
    const names = new Set(catalogue.software.flatMap((s) => s.directoryNames.map((n) => n.toLowerCase())));
    for (const name of ['etherpad', 'nextcloud', 'mattermost', 'yakforms', 'framaforms', 'opensondage', 'searx', 'matrix', 'roundcube', 'sympa', 'strut', 'libreto', 'lufi', 'wekan', 'mobilizon', 'mastodon', 'mediaspip', 'cgit']) {
      expect(names, name).toContain(name);
    }
  });

  it('recognises every example as its service and every look-alike as nothing', () => {
    for (const service of catalogue.services) {
      for (const url of service.examples) expect(classifier.classify(url)?.service, url).toBe(service.id);
      for (const url of service.lookalikes) expect(classifier.classify(url), url).toBeNull();
    }
  });

  it('classifies the cases the issue names', () => {
    const cases: [string, string | null][] = [
      ['https://docs.google.com/document/d/1/edit', 'google-docs'],
      ['https://docs.google.com/spreadsheets/d/1/edit', 'google-sheets'],
      ['https://docs.google.com/presentation/d/1/edit', 'google-slides'],
      ['https://docs.google.com/forms/d/e/1/viewform', 'google-forms'],
      ['https://www.facebook.com/events/1', 'facebook-events'],
      ['https://www.facebook.com/framasoft', 'facebook'],
      ['https://www.facebook.com/messages/t/1', 'messenger'],
      ['https://www.google.fr/maps', 'google-maps'],
      ['https://maps.google.de/', 'google-maps'],
      ['https://www.google.com/search?q=x', 'google-search'],
      ['https://www.google.ca/search?q=x', 'google-search'],
      ['https://teams.live.com/meet/1', 'microsoft-teams'],
      ['https://outlook.office365.com/mail/', 'outlook'],
      ['https://x.com/home', 'twitter-x'],
      ['https://xx.com/home', null],
      ['https://mail.google.com@evil.example/', null],
      ['https://MAIL.GOOGLE.COM.:443/mail/', 'gmail'],
      ['https://ｍａｉｌ.google.com/', 'gmail'],
      ['https://www.gооgle.com/maps', null], // Cyrillic "о"
      ['https://evil.example/?u=https://zoom.us/j/1#https://zoom.us/', null],
      ['file:///home/mail.google.com/x.html', null],
      ['about:blank', null],
      ['data:text/html,https://mail.google.com/', null],
      ['chrome://newtab/', null],
      ['moz-extension://0a1b2c/popup.html?u=https://zoom.us/', null],
      ['http://127.0.0.1/mail.google.com', null],
      ['http://[::1]:8080/', null],
      ['http://localhost:3000/', null],
      ['http://0x7f.1/', null],
    ];
    for (const [url, service] of cases) expect(classifier.classify(url)?.service ?? null, url).toBe(service);
  });

  it('is listed whole in src/catalogue/index.ts', () => {
    const files = (folder: string): string[] => readdirSync(new URL(`src/catalogue/${folder}/`, root)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
    expect(catalogue.services.map((s) => s.id).sort()).toEqual(files('services'));
    expect(catalogue.software.map((s) => s.id).sort()).toEqual(files('software'));
  });
});

describe('manifest.json content-script hosts', () => {
  const actual = manifest.content_scripts[0]?.matches ?? [];
  const expected = contentScriptMatches(catalogue);

  it('are exactly the ones the catalogue derives (run `npm run catalogue:check -- --fix-manifest`)', () => {
    expect([...actual].sort()).toEqual(expected);
  });

  it('are https only, never all sites, and a reviewable number', () => {
    expect(expected.length).toBeLessThanOrEqual(150);
    for (const pattern of expected) {
      expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
    }
  });

  it('cover every example, so the content script runs wherever a service is recognised', () => {
    for (const service of catalogue.services) {
      for (const url of service.examples) {
        if (new URL(url).protocol === 'https:') expect(covered(expected, url), url).toBe(true);
      }
    }
  });
});
