// The needs added with issue 13 (office suite, website, blog, newsletter, music streaming…), end to
// end on the real background, catalogue and bundled directory: the content script's report sets
// the badge, the popup names the service and the need, lists the free software with its note,
// and either ranks the CHATONS hosts of the bundled copy or, when it has none, says so and invites
// to suggest one.
import { render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, setLanguage } from './fake-extension';
import { bundledSnapshot, startBackground } from './background-double';
import { Popup } from '../../src/popup/Popup';
import { catalogue } from '../../src/catalogue';
import { compileClassifier } from '../../src/core/catalogue';
import { parseSnapshot } from '../../src/core/directory/snapshot';
import { indexDirectory, rankHosts } from '../../src/core/directory/rank';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-extension')).fakeBrowser }));

const TAB = 11;
const REGION = 'FR-35';

/** One page per new need, from the service that brought the need in. */
const PAGES: Record<string, string> = {
  'office-suite': 'https://www.office.com/?auth=2',
  website: 'https://monasso.wixsite.com/monsite',
  blog: 'https://medium.com/@auteur/un-article-1a2b3c',
  newsletter: 'https://us1.admin.mailchimp.com/campaigns/',
  'music-streaming': 'https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M',
  'web-analytics': 'https://analytics.google.com/analytics/web/',
  contacts: 'https://contacts.google.com/',
  tasks: 'https://to-do.office.com/tasks/',
  'e-learning': 'https://classroom.google.com/u/0/h',
  'reading-list': 'https://www.goodreads.com/book/show/157993',
  forum: 'https://www.reddit.com/r/france/',
  'appointment-booking': 'https://calendly.com/marie-asso/30min',
  'news-reader': 'https://news.google.com/home?hl=fr',
};

const parsed = parseSnapshot(bundledSnapshot());
if (!parsed.ok) throw new Error(parsed.reason);
const index = indexDirectory(parsed.snapshot);
const classifier = compileClassifier(catalogue);
const hostsFor = (category: string) => rankHosts(index, { category, region: REGION });

/** The content script's report from the tab (which sets the badge), then the popup opened on it. */
async function visit(url: string): Promise<string> {
  const bg = await startBackground({
    pages: { [TAB]: url },
    settings: { region: REGION, regionPrompt: 'done' },
  });
  await bg.report(TAB, url);
  const badge = await fakeBrowser.action.getBadgeText({ tabId: TAB });
  render(<Popup tabId={Promise.resolve(TAB)} />);
  await waitFor(() => expect(document.querySelector('main[aria-busy]')).toBeNull());
  return badge;
}

beforeEach(() => setLanguage('fr'));
afterEach(() => setLanguage('fr'));

describe('the needs of issue 13, in the popup and the badge', () => {
  it('covers every new need with a page of its own', () => {
    const ids = new Set(catalogue.categories.map((c) => c.id));
    for (const need of Object.keys(PAGES)) expect(ids.has(need), need).toBe(true);
    // What the bundled copy holds today: hosts for some of the new needs, none for the others.
    expect(hostsFor('website').length).toBeGreaterThan(0);
    expect(hostsFor('office-suite').length).toBeGreaterThan(0);
    expect(hostsFor('newsletter').length).toBeGreaterThan(0);
    expect(hostsFor('music-streaming')).toEqual([]);
    expect(hostsFor('reading-list')).toEqual([]);
  });

  for (const [need, url] of Object.entries(PAGES)) {
    it(`${need}: badge, service, need, free software, then hosts or the invitation to suggest one`, async () => {
      const found = classifier.classify(url);
      expect(found?.category, url).toBe(need);
      const service = catalogue.services.find((s) => s.id === found?.service);
      const label = catalogue.categories.find((c) => c.id === need)!.label.fr;
      const software = catalogue.software.filter((s) => s.categories.includes(need));
      expect(software.length, need).toBeGreaterThan(0);
      const ranked = hostsFor(need);

      const reportedBadge = await visit(url);
      const near = ranked.filter((h) => h.locality !== 'elsewhere').length;
      expect(reportedBadge).toBe(near > 0 ? String(near) : '•');

      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(service?.name);
      expect(screen.getByText(`Besoin : ${label}`)).toBeTruthy();
      const alternatives = screen.getByRole('region', { name: 'Logiciels libres pour ce besoin' });
      const names = [...alternatives.querySelectorAll('summary .name')].map((name) => name.textContent);
      for (const s of software) expect(names, s.id).toContain(s.name);
      // Each one with its honest note, in French, in one line until opened.
      for (const item of within(alternatives).getAllByRole('listitem')) {
        expect((item.querySelector('summary .fit')?.textContent ?? '').length).toBeGreaterThan(20);
        expect((item.querySelector('details p')?.textContent ?? '').length).toBeGreaterThan(20);
      }

      const hosts = screen.getByRole('region', { name: 'Hébergeurs CHATONS qui le proposent' });
      if (ranked.length === 0) {
        expect(hosts.textContent).toContain(
          `L'annuaire ne connaît encore aucun hébergeur CHATONS qui propose « ${label} ».`,
        );
        // The correction form, on "a host is missing", for this service: it explains and makes the forge link.
        const suggest = within(hosts).getByRole('link', { name: 'Suggérer un hébergeur' });
        expect(suggest.getAttribute('href')).toBe(
          `../options/index.html#correct?kind=missing-host&service=${service!.id}&host=${found!.host}&tab=${TAB}`,
        );
      } else {
        expect(hosts.textContent).not.toContain("L'annuaire ne connaît encore aucun hébergeur");
        const first = ranked[0]!;
        expect(hosts.textContent).toContain(first.organization.name);
      }
    });
  }
});
