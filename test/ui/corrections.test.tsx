// Corrections in the views, against the real background on the fake browser: the form of each
// kind (preview, link, copy, what is missing), the privacy default, the local corrections it
// makes, the options page's list, and the popup's entry points.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, setLanguage } from './fake-extension';
import { startBackground, type BackgroundDouble } from './background-double';
import { Options } from '../../src/options/Options';
import { Popup } from '../../src/popup/Popup';
import { decodeForgeLink } from '../forge-link';
import type { LocalCorrections } from '../../src/core/corrections/local';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-extension')).fakeBrowser }));

const GMAIL = 'https://mail.google.com/mail/u/0/?search=rendez-vous#inbox';
const TAB = 3;
let bg: BackgroundDouble;
let clipboard: string[];

async function openForm(hash: string, language: 'fr' | 'en' = 'fr') {
  setLanguage(language);
  bg = await startBackground({
    pages: { [TAB]: GMAIL },
    settings: { region: 'FR-35', regionPrompt: 'done' },
  });
  render(<Options hash={hash} />);
  await screen.findByRole('heading', {
    level: 1,
    name: language === 'fr' ? 'Suggérer une correction' : 'Suggest a correction',
  });
}

const previewTitle = () => document.getElementById('correct-preview-title')!.textContent!;
const previewBody = () => document.getElementById('correct-preview-body')!.textContent!;
const openIssue = () => document.getElementById('correct-open-issue')!;
const input = (label: string | RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string | RegExp, value: string) => fireEvent.input(input(label), { target: { value } });
const choose = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** The link is there, and decodes to exactly what the preview shows. */
function expectLinkMatchesPreview() {
  const link = openIssue();
  expect(link.tagName).toBe('A');
  expect(link.getAttribute('target')).toBe('_blank');
  expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  const href = link.getAttribute('href')!;
  expect(href.startsWith('https://framagit.org/matou/matou/-/issues/new?')).toBe(true);
  expect(href.length).toBeLessThanOrEqual(8000);
  expect(decodeForgeLink(href)).toEqual({ title: previewTitle(), body: previewBody() });
}

async function stored(): Promise<LocalCorrections> {
  return (await fakeBrowser.storage.local.get('corrections')).corrections as LocalCorrections;
}

beforeEach(() => {
  clipboard = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: vi.fn(async (text: string) => void clipboard.push(text)) },
  });
});
afterEach(() => setLanguage('fr'));

describe('the form from the popup: wrong detection, pre-filled', () => {
  it('opens on "this page is not Gmail" with the service and the hostname only', async () => {
    await openForm('#correct?service=gmail&host=mail.google.com&tab=3');
    expect(
      (
        screen.getByLabelText(
          'Mauvaise détection (ce n’est pas ce service, ou Matou n’a rien vu)'.replace(/’/g, "'"),
        ) as HTMLInputElement
      ).checked,
    ).toBe(true);
    expect((screen.getByLabelText('Service concerné') as HTMLSelectElement).value).toBe('gmail');
    expect(input("Site (nom d'hôte seulement)").value).toBe('mail.google.com');
    expect((screen.getByLabelText("Ajouter l'adresse complète de la page") as HTMLInputElement).checked).toBe(
      false,
    );
    expect((screen.getByLabelText("Cette page n'est pas Gmail") as HTMLInputElement).checked).toBe(true);
    expect(previewTitle()).toBe('mail.google.com n’est pas Gmail');
    expect(previewBody()).toContain('mail.google.com');
    expect(previewBody()).not.toContain('/mail/u/0');
    expect(previewBody()).not.toContain('rendez-vous');
    expect(previewBody()).toContain('"lookalikes"');
    expectLinkMatchesPreview();
    // Nothing was asked about the page's address.
    expect(bg.requests.map((r) => r.type)).not.toContain('get-page-url');
  });

  it('adds the full address only when the box is ticked, editable, and removes it when unticked', async () => {
    await openForm('#correct?service=gmail&host=mail.google.com&tab=3');
    const box = screen.getByLabelText("Ajouter l'adresse complète de la page");
    expect(screen.getByText(/peut contenir des informations privées/)).toBeTruthy();
    fireEvent.click(box);
    // The address exactly as the tab's content script gives it.
    await waitFor(() => expect(input('Adresse de la page').value).toBe(GMAIL));
    expect(bg.requests.filter((r) => r.type === 'get-page-url')).toEqual([
      { type: 'get-page-url', tabId: TAB },
    ]);
    expect(previewBody()).toContain(GMAIL);
    type('Adresse de la page', 'https://mail.google.com/mail/');
    expect(previewBody()).not.toContain('rendez-vous');
    expect(previewBody()).toContain('https://mail.google.com/mail/');
    expectLinkMatchesPreview();
    fireEvent.click(box);
    expect(previewBody()).not.toContain('https://mail.google.com/mail/');
  });

  it('says so when the tab no longer shows the page, and lets the user paste it', async () => {
    await openForm('#correct?service=gmail&host=mail.google.com&tab=3');
    bg.show(TAB, null);
    fireEvent.click(screen.getByLabelText("Ajouter l'adresse complète de la page"));
    await screen.findByText(/Matou n'a pas pu lire l'adresse de l'onglet/);
    expect(input('Adresse de la page').value).toBe('');
  });

  it('keeps only the hostname of a pasted address', async () => {
    await openForm('#correct?service=gmail&tab=3');
    type("Site (nom d'hôte seulement)", 'https://mail.google.com/mail/u/0/?q=secret');
    fireEvent.blur(input("Site (nom d'hôte seulement)"));
    expect(input("Site (nom d'hôte seulement)").value).toBe('mail.google.com');
    expect(previewBody()).not.toContain('secret');
  });

  it('copies the Markdown and, for a catalogue change, the JSON', async () => {
    await openForm('#correct?service=gmail&host=mail.google.com&tab=3');
    fireEvent.click(screen.getByRole('button', { name: 'Copier le texte' }));
    await screen.findByText(/Texte copié/);
    expect(clipboard[0]).toBe(`## ${previewTitle()}\n\n${previewBody()}\n`);
    fireEvent.click(screen.getByRole('button', { name: 'Copier le JSON du catalogue' }));
    await screen.findByText(/JSON copié/);
    expect(JSON.parse(clipboard[1]!)).toEqual({
      'src/catalogue/services/gmail.json': { lookalikes: ['https://mail.google.com/'] },
    });
  });

  it('when copying fails, selects the text and says how to copy it', async () => {
    await openForm('#correct?service=gmail&host=mail.google.com&tab=3');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new Error('denied')) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Copier le texte' }));
    await screen.findByText(/La copie n'a pas marché/);
    expect(document.activeElement?.id).toBe('correct-preview-body');
  });

  it('stops flagging the host on this device, at once, from the form', async () => {
    await openForm('#correct?service=gmail&host=mail.google.com&tab=3');
    await bg.report(TAB, GMAIL);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).not.toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Ne plus signaler mail.google.com comme Gmail' }));
    await screen.findByText(
      "C'est fait : Matou ne signale plus mail.google.com comme Gmail sur cet appareil.",
    );
    expect((await stored()).exclusions.map((e) => e.id)).toEqual(['not:gmail@mail.google.com']);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
  });

  it('in English too', async () => {
    await openForm('#correct?service=gmail&host=mail.google.com&tab=3', 'en');
    expect(previewTitle()).toBe('mail.google.com is not Gmail');
    expect(screen.getByRole('link', { name: 'Open a pre-filled issue on Framagit' })).toBeTruthy();
    expect(previewBody()).toContain('To add to `src/catalogue/services/gmail.json`');
  });
});

describe('each kind of correction', () => {
  it('Matou said nothing: the site, what it really is', async () => {
    await openForm('#correct?tab=3');
    fireEvent.click(screen.getByLabelText(/^Mauvaise détection/));
    fireEvent.click(screen.getByLabelText("C'est un service des GAFAM, mais Matou n'a rien signalé"));
    type("Site (nom d'hôte seulement)", 'meet.example.org');
    choose("En fait, c'est (facultatif)", 'google-meet');
    expect(previewTitle()).toBe('Matou ne reconnaît pas Google Meet sur meet.example.org');
    expect(previewBody()).toContain('"examples"');
    expectLinkMatchesPreview();
  });

  it('missing alternative: need, software, website, note with a counter', async () => {
    await openForm('#correct?service=zoom&host=zoom.us&tab=3');
    fireEvent.click(screen.getByLabelText('Alternative libre manquante ou fausse'));
    expect((screen.getByLabelText('Besoin') as HTMLSelectElement).value).toBe('video-conference');
    type('Logiciel libre', 'Visio Libre');
    type('Site du logiciel (facultatif)', 'https://visio-libre.example');
    type("Ce qu'il fait et ne fait pas, en une ligne (facultatif)", 'Visio à 100 personnes.');
    expect(screen.getByText('22 / 160 caractères')).toBeTruthy();
    expect(previewTitle()).toBe('Alternative manquante pour « Visioconférence » : Visio Libre');
    expect(previewBody()).toContain('src/catalogue/software/visio-libre.json');
    expectLinkMatchesPreview();
  });

  it('host information: host name and what is outdated, with a word on ChatonsInfos', async () => {
    await openForm('#correct?service=gmail&host=mail.google.com&tab=3');
    fireEvent.click(screen.getByLabelText("Information d'un hébergeur périmée ou fausse"));
    expect(
      screen.getByText(
        /^Bon à savoir : les informations des hébergeurs viennent de leurs propres fichiers ChatonsInfos/,
      ),
    ).toBeTruthy();
    type("Nom de l'hébergeur", 'Chaton du Coin');
    choose('Ce qui est faux ou périmé', 'full');
    type('Détails', "N'accepte plus de nouveaux comptes depuis mars.");
    expect(previewTitle()).toBe('Hébergeur : informations à corriger pour Chaton du Coin');
    expect(previewBody()).toContain('full — complet ou ouvert / full or open');
    expect(screen.queryByRole('button', { name: 'Copier le JSON du catalogue' })).toBeNull();
    expectLinkMatchesPreview();
  });

  it('missing host: reported, and added on this device marked as the user’s', async () => {
    await openForm('#correct?service=gmail&host=mail.google.com&tab=3');
    fireEvent.click(screen.getByLabelText('Hébergeur manquant'));
    expect((screen.getByLabelText('Besoin') as HTMLSelectElement).value).toBe('email');
    type("Nom de l'hébergeur", 'Chaton du Coin');
    type('Adresse du service', 'mail.chaton.example');
    type('Lieu (ville ou département, facultatif)', 'Rennes');
    choose("Conditions d'accès", 'member');
    expect(previewTitle()).toBe('Hébergeur manquant pour « Courriel » : Chaton du Coin');
    expect(previewBody()).toContain('member — réservé aux membres / members only');
    expectLinkMatchesPreview();
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter cet hébergeur sur cet appareil' }));
    await screen.findByText(/Chaton du Coin apparaît maintenant/);
    expect((await stored()).userHosts).toMatchObject([
      {
        name: 'Chaton du Coin',
        url: 'https://mail.chaton.example/',
        category: 'email',
        registration: 'member',
        place: 'Rennes',
      },
    ]);
  });

  it('other: details required; until then the actions say what is missing', async () => {
    await openForm('#correct');
    expect((screen.getByLabelText('Autre chose') as HTMLInputElement).checked).toBe(true);
    const blocked = openIssue();
    expect(blocked.tagName).toBe('BUTTON');
    expect(blocked.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(blocked);
    await screen.findByText('Il reste 1 chose(s) à compléter :');
    await waitFor(() => expect(document.activeElement?.id).toBe('correct-details'));
    expect(input('Détails').getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Copier le texte' }));
    expect(clipboard).toEqual([]);
    type('Détails', 'La note de Jitsi Meet est en anglais dans la version française.');
    expect(openIssue().tagName).toBe('A');
    expect(previewTitle()).toBe('Correction');
    expectLinkMatchesPreview();
  });

  it('refuses details beyond the limit', async () => {
    await openForm('#correct');
    type('Détails', 'x'.repeat(1501));
    expect(screen.getByText('1501 / 1500 caractères')).toBeTruthy();
    fireEvent.click(openIssue());
    await screen.findByText('trop long (au plus 1500 caractères)');
  });
});

describe('local corrections in the options page', () => {
  it('lists them, adds a host I know, removes each', async () => {
    setLanguage('fr');
    bg = await startBackground({
      pages: { [TAB]: GMAIL },
      settings: { region: 'FR-35', regionPrompt: 'done' },
    });
    await fakeBrowser.runtime.sendMessage({ type: 'exclude-page', tabId: TAB });
    render(<Options hash="#corrections" />);
    const section = await screen.findByRole('region', { name: 'Corrections locales' });
    await within(section).findByText('mail.google.com');
    expect(section.textContent).toContain("n'est pas Gmail");
    expect(within(section).getByText("Aucun pour l'instant.")).toBeTruthy();

    fireEvent.change(within(section).getByLabelText('Besoin'), { target: { value: 'email' } });
    fireEvent.input(within(section).getByLabelText("Nom de l'hébergeur"), {
      target: { value: 'Chaton du Coin' },
    });
    fireEvent.input(within(section).getByLabelText('Adresse du service'), {
      target: { value: 'javascript:alert(1)' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Ajouter' }));
    await within(section).findByText(/donnez un nom et une adresse web/);
    fireEvent.input(within(section).getByLabelText('Adresse du service'), {
      target: { value: 'https://mail.chaton.example/' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Ajouter' }));
    await within(section).findByText('Chaton du Coin est ajouté pour « Courriel ».');
    expect(within(section).getByRole('link', { name: 'https://mail.chaton.example/' })).toBeTruthy();

    fireEvent.click(
      within(section).getByRole('button', {
        name: "Retirer la correction : mail.google.com n'est pas Gmail",
      }),
    );
    await within(section).findByText("Correction retirée : mail.google.com n'est pas Gmail.");
    fireEvent.click(within(section).getByRole('button', { name: 'Retirer la correction : Chaton du Coin' }));
    await within(section).findByText('Correction retirée : Chaton du Coin.');
    expect(await stored()).toMatchObject({ exclusions: [], userHosts: [] });
    expect(within(section).getByRole('link', { name: 'Suggérer une correction' }).getAttribute('href')).toBe(
      'index.html#correct',
    );
  });

  it('an import that brings bad corrections says which', async () => {
    setLanguage('fr');
    bg = await startBackground({ settings: { region: 'FR-35', regionPrompt: 'done' } });
    render(<Options />);
    const inputFile = await screen.findByLabelText('Importer un fichier de réglages');
    const text = JSON.stringify({
      format: 'matou-settings',
      settings: { version: 1 },
      corrections: {
        version: 1,
        exclusions: [{ service: 'gmail', host: 'bad host' }],
        userHosts: [{ category: 'email', name: 'A', url: 'ftp://a.example/' }],
      },
    });
    Object.defineProperty(inputFile, 'files', {
      value: [new File([text], 'm.json', { type: 'application/json' })],
      configurable: true,
    });
    fireEvent.change(inputFile);
    await screen.findByText(/Certaines pages marquées « n'est pas ce service »/);
    expect(screen.getByText(/Certains hébergeurs ajoutés par vous/)).toBeTruthy();
  });
});

describe('the popup', () => {
  async function openPopup() {
    setLanguage('fr');
    bg = await startBackground({
      pages: { [TAB]: GMAIL },
      settings: { region: 'FR-35', regionPrompt: 'done' },
    });
    render(<Popup tabId={Promise.resolve(TAB)} />);
    await screen.findByRole('heading', { level: 1, name: 'Gmail' });
  }

  it('links to the form with the service and the hostname, never the path', async () => {
    await openPopup();
    const link = screen.getByRole('link', { name: 'Suggérer une correction' });
    expect(link.getAttribute('href')).toBe(
      '../options/index.html#correct?service=gmail&host=mail.google.com&tab=3',
    );
    expect(link.getAttribute('href')).not.toContain('/mail/u/0');
  });

  it('"this page is not Gmail": one click, the detection goes, a notice says why; undo brings it back', async () => {
    await openPopup();
    await bg.report(TAB, GMAIL);
    fireEvent.click(screen.getByRole('button', { name: "Cette page n'est pas Gmail" }));
    await screen.findByText(
      "C'est noté : Matou ne signale plus mail.google.com comme Gmail sur cet appareil.",
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Rien à signaler ici');
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
    const report = screen.getByRole('link', { name: "Signaler l'erreur au projet" });
    expect(report.getAttribute('href')).toBe(
      '../options/index.html#correct?kind=wrong-detection&service=gmail&host=mail.google.com&tab=3',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    await screen.findByRole('heading', { level: 1, name: 'Gmail' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).not.toBe('');
  });

  it('shows the hosts the user added for this need, marked as theirs, after the one Matou leads with and before the others', async () => {
    setLanguage('fr');
    bg = await startBackground({
      pages: { [TAB]: GMAIL },
      settings: { region: 'FR-35', regionPrompt: 'done' },
    });
    await fakeBrowser.runtime.sendMessage({
      type: 'add-correction',
      correction: {
        kind: 'user-host',
        category: 'email',
        name: 'Chaton du Coin',
        url: 'https://mail.chaton.example/',
        registration: 'member',
        place: 'Rennes',
      },
    });
    render(<Popup tabId={Promise.resolve(TAB)} />);
    const hosts = await screen.findByRole('region', { name: 'Hébergeurs CHATONS qui le proposent' });
    const group = within(hosts).getByRole('heading', { level: 3, name: 'Ajoutés par vous' }).parentElement!;
    expect(within(group).getByRole('heading', { level: 4, name: 'Chaton du Coin' })).toBeTruthy();
    expect(group.textContent).toContain('Ajouté par vous, sur cet appareil');
    expect(group.textContent).toContain('Rennes');
    expect(
      within(group)
        .getByRole('link', { name: 'Ouvrir le site de Chaton du Coin (ajouté par vous)' })
        .getAttribute('href'),
    ).toBe('https://mail.chaton.example/');
    // After the lead card (its heading comes first), before the directory's other groups.
    const headings = within(hosts)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(headings[0]).toBe(within(hosts).getByRole('article').querySelector('h3')!.textContent);
    expect(headings[1]).toBe('Ajoutés par vous');
    expect(headings.length).toBeGreaterThan(2);
  });
});
