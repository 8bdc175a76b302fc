// The migration guides in the views, against the real background on the fake browser: the
// popup's link under the detected service, and the guide view of the options page (#guide?…)
// with its ordered steps, official sources, what does not carry over, and the host's own guide.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from './fake-extension';
import { startBackground, type BackgroundDouble } from './background-double';
import { Options } from '../../src/options/Options';
import { GuideView } from '../../src/options/guide/GuidePage';
import { Popup } from '../../src/popup/Popup';
import { isDocumentationUrl, type Guide } from '../../src/core/guides';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-extension')).fakeBrowser }));

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox';
const INSTAGRAM = 'https://www.instagram.com/';
const TAB = 5;
const guideFile = (service: string) =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../../src/catalogue/guides/${service}.json`), 'utf8'),
  ) as Guide;

let bg: BackgroundDouble;

beforeEach(() => setLanguage('fr'));
afterEach(() => setLanguage('fr'));

async function openGuide(hash: string, language: 'fr' | 'en' = 'fr') {
  setLanguage(language);
  bg = await startBackground({
    pages: { [TAB]: GMAIL },
    settings: { region: 'FR-29', regionPrompt: 'done' },
  });
  render(<Options hash={hash} />);
  await waitFor(() => expect(document.querySelector('main[aria-busy]')).toBeNull());
}

/** Every outside link of the page: https, a new tab, no opener, no referrer. */
function expectSafeLinks(root: HTMLElement) {
  const links = [...root.querySelectorAll('a[href^="http"]')];
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) {
    expect(link.getAttribute('href')!.startsWith('https://'), link.getAttribute('href')!).toBe(true);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  }
}

describe('the guide view (#guide?service=gmail)', () => {
  it('moves mail from Gmail in five ordered steps, each with its official source, in French', async () => {
    await openGuide(`#guide?service=gmail&tab=${TAB}`);
    const main = screen.getByRole('main');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Déménager de Gmail');
    await waitFor(() => expect(document.title).toBe('Déménager de Gmail — Matou'));
    const steps = within(main).getByRole('region', { name: 'En 5 étapes' });
    const list = within(steps).getByRole('list');
    expect(list.tagName).toBe('OL');
    const items = within(list).getAllByRole('listitem');
    const gmail = guideFile('gmail');
    expect(items).toHaveLength(5);
    items.forEach((item, i) => {
      expect(within(item).getByRole('heading', { level: 3 }).textContent).toBe(gmail.steps[i]!.title.fr);
      expect(item.textContent).toContain(gmail.steps[i]!.text.fr);
      const source = within(item).getByRole('link', { name: gmail.steps[i]!.source.title.fr });
      expect(source.getAttribute('href')).toBe(gmail.steps[i]!.source.url);
      expect(isDocumentationUrl(source.getAttribute('href')!)).toBe(true);
      expect(item.textContent).toContain('Source officielle :');
    });
    const lost = within(main).getByRole('region', { name: 'Ce qui ne suit pas' });
    expect(
      within(lost)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(gmail.notCarriedOver.map((text) => text.fr));
    expectSafeLinks(main);
  });

  it('speaks English when the browser does', async () => {
    await openGuide('#guide?service=google-docs', 'en');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('How to move from Google Docs');
    expect(screen.getByRole('heading', { level: 2, name: /^In \d steps$/ })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'What does not come along' })).toBeTruthy();
    expect(screen.getByText(guideFile('google-docs').steps[0]!.text.en)).toBeTruthy();
    expectSafeLinks(screen.getByRole('main'));
  });

  it('asks the background for the popup’s tab only to find the host, and stands without one', async () => {
    await openGuide(`#guide?service=gmail&tab=${TAB}`);
    expect(bg.requests).toContainEqual({ type: 'get-popup-state', tabId: TAB });
    // The bundled directory gives no host user guide yet: no host link, the step still reads.
    expect(document.querySelector('.host-guide')).toBeNull();
    await openGuide('#guide?service=zoom');
    expect(bg.requests.some((r) => r.type === 'get-popup-state')).toBe(false);
  });

  it('says so plainly for a service with no guide', async () => {
    await openGuide('#guide?service=instagram');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Pas de guide ici');
    expect(screen.getByRole('alert').textContent).toBe(
      "Matou n'a pas encore de guide pour déménager de ce service.",
    );
  });

  it('offers a correction of the guide, in the same page', async () => {
    await openGuide('#guide?service=discord');
    expect(screen.getByRole('link', { name: /Suggérer une correction/ }).getAttribute('href')).toBe(
      '#correct?kind=other&service=discord',
    );
  });
});

describe('the host’s own user guide', () => {
  it('is linked at the step done at the host, and only there', () => {
    const gmail = guideFile('gmail');
    render(
      <GuideView
        guide={gmail}
        serviceName="Gmail"
        host={{ name: 'Infini', guideUrl: 'https://www.infini.fr/aide/courriel' }}
      />,
    );
    const steps = within(
      within(screen.getByRole('region', { name: 'En 5 étapes' })).getByRole('list'),
    ).getAllByRole('listitem');
    const withHost = steps.filter((li) => li.querySelector('.host-guide'));
    expect(withHost).toHaveLength(1);
    expect(steps.indexOf(withHost[0]!)).toBe(gmail.steps.findIndex((s) => s.hostStep));
    const link = within(withHost[0] as HTMLElement).getByRole('link', {
      name: "le guide d'utilisation de Infini",
    });
    expect(link.getAttribute('href')).toBe('https://www.infini.fr/aide/courriel');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(withHost[0]!.textContent).toContain('Infini publie son propre guide pour cette étape :');
  });
});

describe('the popup’s way to the guide', () => {
  async function openPopup(url: string) {
    bg = await startBackground({
      pages: { [TAB]: url },
      settings: { region: 'FR-29', regionPrompt: 'done' },
    });
    render(<Popup tabId={Promise.resolve(TAB)} />);
    await waitFor(() => expect(document.querySelector('main[aria-busy]')).toBeNull());
  }

  it('on Gmail: "how to move from Gmail — 5 steps", under the service, to the guide view in a new tab', async () => {
    await openPopup(GMAIL);
    const link = screen.getByRole('link', { name: 'Comment déménager de Gmail — 5 étapes' });
    expect(link.getAttribute('href')).toBe(`../options/index.html#guide?service=gmail&tab=${TAB}`);
    expect(link.getAttribute('target')).toBe('_blank');
    // Before the long lists in the reading and keyboard order, right after the service's actions.
    const alternatives = screen.getByRole('heading', { level: 2, name: 'Logiciels libres pour ce besoin' });
    expect(link.compareDocumentPosition(alternatives) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(
      link.compareDocumentPosition(screen.getByRole('heading', { level: 1 })) &
        Node.DOCUMENT_POSITION_PRECEDING,
    ).toBeTruthy();
  });

  it('in English, with the step count of the guide itself', async () => {
    setLanguage('en');
    await openPopup('https://zoom.us/j/1234567890');
    expect(
      screen.getByRole('link', { name: `How to move from Zoom — ${guideFile('zoom').steps.length} steps` }),
    ).toBeTruthy();
  });

  it('is not offered where there is no guide, or nothing detected', async () => {
    await openPopup(INSTAGRAM);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Instagram');
    expect(screen.queryByRole('link', { name: /déménager/ })).toBeNull();
    await openPopup('https://example.org/');
    expect(screen.queryByRole('link', { name: /déménager/ })).toBeNull();
  });
});
