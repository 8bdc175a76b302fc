// The popup in every state, against the real background (catalogue, bundled snapshot, message
// handler) on the fake browser. French is the default; English where it says so.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, setLanguage } from './fake-extension';
import { startBackground, type BackgroundDouble } from './background-double';
import { Popup } from '../../src/popup/Popup';
import { FIRST_HOSTS } from '../../src/popup/Hosts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-extension')).fakeBrowser }));

const DOCS = 'https://docs.google.com/document/d/1AbCdEf/edit';
// No member of the bundled copy offers maps (Zaclys' photo sharing now answers Instagram).
const GOOGLE_MAPS = 'https://www.google.com/maps/place/Lyon';
const TAB = 7;

let bg: BackgroundDouble;

async function openPopup(url: string | null, options: Parameters<typeof startBackground>[0] = {}) {
  bg = await startBackground({ ...options, pages: url ? { [TAB]: url } : {} });
  const view = render(<Popup tabId={Promise.resolve(TAB)} />);
  await waitFor(() => expect(document.querySelector('main[aria-busy]')).toBeNull());
  return view;
}

beforeEach(() => setLanguage('fr'));
afterEach(() => setLanguage('fr'));

describe('popup: loading', () => {
  it('says it is loading while the background has not answered', async () => {
    bg = await startBackground({ pages: { [TAB]: DOCS } });
    let release: (id: number) => void = () => undefined;
    render(<Popup tabId={new Promise<number>((resolve) => (release = resolve))} />);
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText('Chargement…')).toBeTruthy();
    release(TAB);
    await screen.findByRole('heading', { level: 1, name: 'Google Docs' });
  });
});

describe('popup: a catalogued service (Google Docs, Ille-et-Vilaine)', () => {
  it('names the service and its need in one line, and the free software, after the hosts, with their fit notes', async () => {
    await openPopup(DOCS, { settings: { region: 'FR-35', regionPrompt: 'done' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Google Docs');
    const line = screen.getByRole('heading', { level: 1 }).parentElement!;
    expect(line.textContent).toBe('Google DocsBesoin : Écriture collaborative');
    const hosts = screen.getByRole('region', { name: 'Hébergeurs CHATONS qui le proposent' });
    const alternatives = screen.getByRole('region', { name: 'Logiciels libres pour ce besoin' });
    expect(hosts.compareDocumentPosition(alternatives) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const items = within(alternatives).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(1);
    const etherpad = items.find((item) => item.querySelector('summary .name')?.textContent === 'Etherpad');
    expect(etherpad, 'Etherpad is an alternative to Google Docs').toBeTruthy();
    // Its honest fit note, in French, from the catalogue: one line, the whole of it on demand.
    const note = etherpad!.querySelector('details > p')!.textContent ?? '';
    expect(note.length).toBeGreaterThan(20);
    expect(etherpad!.querySelector('summary .fit')!.textContent).toBe(` – ${note}`);
    expect(etherpad!.querySelector('details')!.open).toBe(false);
    expect(etherpad!.textContent).toContain('Licence :');
    expect(within(etherpad!).getByRole('link', { name: 'Site de Etherpad' }).getAttribute('href')).toMatch(
      /^https:/,
    );
  });

  it('leads with the best host: nearest, open to all, with its place, access in words and one action', async () => {
    await openPopup(DOCS, { settings: { region: 'FR-35', regionPrompt: 'done' } });
    const hosts = screen.getByRole('region', { name: 'Hébergeurs CHATONS qui le proposent' });
    const lead = within(hosts).getByRole('article', { name: 'Infini (Internet Finistère)' });
    // Infini (Brest, Finistère) is in Bretagne, as Ille-et-Vilaine is.
    expect(lead.textContent).toContain('Conseillé pour vous · Dans votre région');
    expect(lead.textContent).toContain('Brest, Finistère (29)');
    expect(lead.textContent).toContain('Accès : sans compte · Etherpad');
    // A fact its file gives (the kind of structure); none it does not.
    expect(lead.textContent).toContain('Association');
    expect(lead.textContent).not.toContain('membre des CHATONS depuis');
    const open = within(lead).getByRole('link', { name: 'Ouvrir Pad.Infini – Infini (Internet Finistère)' });
    expect(open.textContent).toBe('Ouvrir Pad.Infini');
    expect(open.getAttribute('href')).toBe('https://pad.infini.fr/');
    expect(open.getAttribute('target')).toBe('_blank');
    expect(open.getAttribute('rel')).toBe('noopener noreferrer');
    expect(within(lead).getByRole('button', { name: "J'utilise celui-ci" })).toBeTruthy();
    // It is not repeated in the list that follows.
    const others = within(hosts)
      .getAllByRole('heading', { level: 4 })
      .map((h) => h.textContent);
    expect(others).not.toContain('Infini (Internet Finistère)');
    for (const anchor of hosts.querySelectorAll('a[href^="http"]')) {
      expect(anchor.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('lists the other hosts compactly, grouped by nearness, their facts and actions on demand', async () => {
    await openPopup(DOCS, { settings: { region: 'FR-35', regionPrompt: 'done' } });
    const hosts = screen.getByRole('region', { name: 'Hébergeurs CHATONS qui le proposent' });
    expect(within(hosts).getByText('Autres hébergeurs')).toBeTruthy();
    const groups = within(hosts)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(groups[0]).toBe('Infini (Internet Finistère)'); // the lead card's heading comes first
    expect(groups).toContain('Dans votre pays');
    const first = within(hosts).getAllByRole('listitem')[0]!;
    const name = within(first).getByRole('heading', { level: 4 }).textContent!;
    expect(first.textContent).toMatch(/Accès : /);
    const details = first.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe(`Détails et inscription – ${name}`);
    const action = within(details).getAllByRole('link')[0]!;
    expect(action.getAttribute('aria-label')).toBe(`${action.textContent} – ${name}`);
    expect(action.getAttribute('href')).toMatch(/^https?:/);
    expect(within(details).getByRole('button', { name: "J'utilise celui-ci" })).toBeTruthy();
  });

  it('says "place unknown" for a host whose place the directory does not give', async () => {
    await openPopup(DOCS, { settings: { region: 'FR-35', regionPrompt: 'done' } });
    const hosts = screen.getByRole('region', { name: 'Hébergeurs CHATONS qui le proposent' });
    fireEvent.click(within(hosts).getByRole('button', { name: /Afficher/ }));
    fireEvent.click(within(hosts).getByRole('button', { name: /Afficher/ }));
    const deuxfleurs = within(hosts).getByRole('heading', { level: 4, name: 'Deuxfleurs' }).closest('li')!;
    expect(deuxfleurs.textContent).toContain('Lieu inconnu');
  });

  it('shows the first few other hosts, then more on demand, moving the focus to the first new one', async () => {
    await openPopup(DOCS, { settings: { region: 'FR-35', regionPrompt: 'done' } });
    const hosts = screen.getByRole('region', { name: 'Hébergeurs CHATONS qui le proposent' });
    expect(within(hosts).getAllByRole('listitem')).toHaveLength(FIRST_HOSTS);
    const more = within(hosts).getByRole('button', { name: /^Afficher 5 hébergeurs de plus \(sur \d+\)$/ });
    fireEvent.click(more);
    expect(within(hosts).getAllByRole('listitem')).toHaveLength(2 * FIRST_HOSTS);
    await waitFor(() => expect(document.activeElement?.tagName).toBe('H4'));
    const headings = within(hosts).getAllByRole('heading', { level: 4 });
    expect(document.activeElement).toBe(headings[FIRST_HOSTS]);
  });

  it('leads with another host for another département (Rhône puts Framasoft first, "near you")', async () => {
    await openPopup(DOCS, { settings: { region: 'FR-69', regionPrompt: 'done' } });
    const lead = screen.getByRole('article');
    expect(within(lead).getByRole('heading', { level: 3 }).textContent).toBe('Framasoft');
    expect(lead.textContent).toContain('Conseillé pour vous · Près de chez vous');
  });

  it('says in one line how old the directory copy is and where it came from, with a link to the details', async () => {
    await openPopup(DOCS, { settings: { region: 'FR-35', regionPrompt: 'done' } });
    const line = screen.getByRole('contentinfo').querySelector('.directory p')!;
    expect(line.textContent).toMatch(
      /^Annuaire du \d{1,2} \S+ \d{4} \(copie fournie avec Matou\)\. Mettre à jour l'annuaire Détails$/,
    );
    expect(
      within(line as HTMLElement)
        .getByRole('link', { name: 'Détails' })
        .getAttribute('href'),
    ).toBe('../options/index.html#directory');
    // The source and the last check are the options page's details.
    expect(screen.getByRole('contentinfo').textContent).not.toContain('Source : ');
  });

  it('refreshes the directory and reports a failure in plain words, keeping the copy in use', async () => {
    await openPopup(DOCS, { settings: { region: 'FR-35', regionPrompt: 'done' } });
    fireEvent.click(screen.getByRole('button', { name: "Mettre à jour l'annuaire" }));
    await waitFor(() =>
      expect(screen.getByRole('contentinfo').textContent).toMatch(
        /Dernière vérification le .* : échec \(.+\)\. La copie actuelle reste en service\./,
      ),
    );
    expect(bg.requests.map((r) => r.type)).toContain('refresh-directory');
    expect(screen.getByRole('contentinfo').textContent).toContain('(copie fournie avec Matou)');
  });

  it('disables the refresh, and says why, when downloads are off', async () => {
    await openPopup(DOCS, {
      settings: {
        region: 'FR-35',
        regionPrompt: 'done',
        directory: { url: 'https://matou.frama.io/matou/directory/snapshot.json', refresh: 'off' },
      },
    });
    const button = screen.getByRole('button', { name: "Mettre à jour l'annuaire" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const why = document.getElementById(button.getAttribute('aria-describedby')!)!;
    expect(why.textContent).toContain('Les téléchargements de l’annuaire sont désactivés.');
    expect(screen.getByRole('link', { name: 'Détails' }).getAttribute('href')).toBe(
      '../options/index.html#directory',
    );
  });

  it('offers region and settings links that open the options page', async () => {
    await openPopup(DOCS, { settings: { region: 'FR-35', regionPrompt: 'done' } });
    const change = screen.getByRole('link', { name: 'Changer de région' });
    expect(change.getAttribute('href')).toBe('../options/index.html#region');
    expect(change.getAttribute('target')).toBe('_blank');
    expect(screen.getAllByRole('link', { name: 'Réglages de Matou' }).length).toBeGreaterThan(0);
  });

  it('says when the ranking region is only guessed from the browser', async () => {
    await openPopup(DOCS, { guessedRegion: 'BE' });
    expect(
      screen.getByText(
        /Classés pour : Belgique \(déduit de la langue et du fuseau horaire de votre navigateur\)\./,
      ),
    ).toBeTruthy();
  });
});

describe('popup: silencing a site', () => {
  it('"not now on this site" is one click: the badge goes, the popup says until when', async () => {
    await openPopup(DOCS, { settings: { region: 'FR-35', regionPrompt: 'done' } });
    // The content script's report puts a badge on the tab first.
    await bg.report(TAB, DOCS);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).not.toBe('');
    const button = screen.getByRole('button', { name: 'Pas maintenant sur ce site' });
    fireEvent.click(button);
    const notice = await screen.findByText(
      "D'accord : Matou ne signale plus docs.google.com jusqu'au redémarrage du navigateur.",
      { exact: false },
    );
    expect(notice.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('button', { name: 'Pas maintenant sur ce site' })).toBeNull();
    expect(bg.requests.at(-1)).toMatchObject({ type: 'snooze-site', host: 'docs.google.com', tabId: TAB });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
    // "Not now" lives in session storage: forgotten when the browser restarts.
    expect(await fakeBrowser.storage.session.get('snoozedSites')).toEqual({
      snoozedSites: ['docs.google.com'],
    });
    expect((await bg.settings.get()).ignoredSites).toEqual([]);
  });

  it('"never on this site" is one click, persisted, and points to where it can be undone', async () => {
    await openPopup(DOCS, { settings: { region: 'FR-35', regionPrompt: 'done' } });
    fireEvent.click(screen.getByRole('button', { name: 'Jamais sur ce site' }));
    await screen.findByText("D'accord : Matou ne signalera plus jamais docs.google.com.", { exact: false });
    expect((await bg.settings.get()).ignoredSites).toEqual(['docs.google.com']);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({
      ignoredSites: ['docs.google.com'],
    });
    expect(screen.getByRole('link', { name: 'Annuler dans les réglages' }).getAttribute('href')).toBe(
      '../options/index.html#ignored',
    );
  });

  it('an ignored site opens the popup already silenced, alternatives still there', async () => {
    await openPopup(DOCS, {
      settings: { region: 'FR-35', regionPrompt: 'done', ignoredSites: ['docs.google.com'] },
    });
    expect(
      screen
        .getByText("D'accord : Matou ne signalera plus jamais docs.google.com.", { exact: false })
        .getAttribute('role'),
    ).toBe('status');
    expect(screen.queryByRole('button', { name: 'Jamais sur ce site' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Logiciels libres pour ce besoin' })).toBeTruthy();
  });
});

describe('popup: a need no host in the directory offers (Google Maps)', () => {
  it('shows the software alternatives and invites to suggest a host', async () => {
    await openPopup(GOOGLE_MAPS, { settings: { region: 'FR-35', regionPrompt: 'done' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Google Maps');
    const alternatives = screen.getByRole('region', { name: 'Logiciels libres pour ce besoin' });
    expect(within(alternatives).getAllByRole('listitem').length).toBeGreaterThan(0);
    const hosts = screen.getByRole('region', { name: 'Hébergeurs CHATONS qui le proposent' });
    expect(hosts.textContent).toContain("L'annuaire ne connaît encore aucun hébergeur CHATONS qui propose");
    // The correction form, on "a host is missing": it explains, offers "a host I know" and makes the forge link.
    const suggest = within(hosts).getByRole('link', { name: 'Suggérer un hébergeur' });
    expect(suggest.getAttribute('href')).toBe(
      `../options/index.html#correct?kind=missing-host&service=google-maps&host=www.google.com&tab=${TAB}`,
    );
    expect(suggest.getAttribute('target')).toBe('_blank');
    expect(screen.queryByRole('article')).toBeNull();
  });
});

describe('popup: a page that is not catalogued', () => {
  it('says so plainly and keeps the region and settings reachable', async () => {
    await openPopup('https://example.org/some/page', { settings: { region: 'FR-35', regionPrompt: 'done' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Rien à signaler ici');
    expect(screen.getByText('Matou ne reconnaît pas de service des GAFAM sur cette page.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Changer de région' })).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Réglages de Matou' }).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Jamais sur ce site' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Hébergeurs CHATONS qui le proposent' })).toBeNull();
  });

  it('a tab without Matou\'s content script (another site) is "not catalogued" too', async () => {
    await openPopup(null);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Rien à signaler ici');
  });

  it('a popup with no tab to show says so', async () => {
    bg = await startBackground();
    render(<Popup tabId={Promise.resolve(null)} />);
    await screen.findByText('Matou ne reconnaît pas de service des GAFAM dans cet onglet.');
  });

  it('a background that does not answer is reported, not hidden', async () => {
    bg = await startBackground({ pages: { [TAB]: DOCS } });
    bg.fail('worker gone');
    render(<Popup tabId={Promise.resolve(TAB)} />);
    await screen.findByText("Matou n'a pas pu lire l'état de cet onglet : worker gone");
  });
});

describe('popup: the gentle region question after a skipped first run', () => {
  it('asks once: shown now, not the next time', async () => {
    await openPopup(DOCS, { settings: { region: null, regionPrompt: 'skipped' } });
    const prompt = screen.getByRole('complementary', { name: 'Où êtes-vous ?' });
    expect(within(prompt).getByRole('link', { name: 'Choisir ma région' }).getAttribute('href')).toBe(
      '../options/index.html#welcome',
    );
    await waitFor(() => expect(bg.requests.map((r) => r.type)).toContain('dismiss-region-prompt'));
    await waitFor(async () => expect((await bg.settings.get()).regionPrompt).toBe('done'));
    fireEvent.click(within(prompt).getByRole('button', { name: 'Plus tard' }));
    expect(screen.queryByRole('complementary', { name: 'Où êtes-vous ?' })).toBeNull();

    // Next popup: no question.
    render(<Popup tabId={Promise.resolve(TAB)} />);
    await waitFor(() =>
      expect(screen.getAllByRole('heading', { level: 1, name: 'Google Docs' })).toHaveLength(1),
    );
    expect(screen.queryByRole('complementary', { name: 'Où êtes-vous ?' })).toBeNull();
  });

  it('does not ask when the region is set or the first run was not skipped', async () => {
    await openPopup(DOCS, { settings: { region: 'FR-35', regionPrompt: 'done' } });
    expect(screen.queryByRole('complementary')).toBeNull();
  });
});

describe('popup: in English', () => {
  it('speaks English throughout, catalogue texts included', async () => {
    setLanguage('en');
    await openPopup(DOCS, { settings: { region: 'FR-35', regionPrompt: 'done' } });
    expect(screen.getByText('Need: Collaborative writing')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Free software for this need' })).toBeTruthy();
    const hosts = screen.getByRole('region', { name: 'CHATONS hosts that offer it' });
    const lead = within(hosts).getByRole('article');
    expect(lead.textContent).toContain('Suggested for you · In your region');
    expect(lead.textContent).toContain('Access: no account needed');
    expect(within(lead).getByRole('link', { name: /^Open Pad\.Infini/ })).toBeTruthy();
    expect(within(lead).getByRole('button', { name: 'I use this one' })).toBeTruthy();
    expect(within(hosts).getByText('Other hosts')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Not now on this site' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Never on this site' })).toBeTruthy();
    expect(screen.getByRole('contentinfo').textContent).toMatch(
      /Directory of \w+ \d{1,2}, \d{4} \(copy shipped with Matou\)/,
    );
  });
});
