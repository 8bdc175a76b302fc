// "This is my host now", and the trust facts a host card shows: in the popup, on the badge, in
// the options page and through export and import, against the real background on the fake browser.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, setLanguage } from './fake-extension';
import { bundledSnapshot, startBackground, type BackgroundDouble } from './background-double';
import { Popup } from '../../src/popup/Popup';
import { Options } from '../../src/options/Options';
import type { SettingsExport } from '../../src/core/protocol';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-extension')).fakeBrowser }));

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox';
const DOCS = 'https://docs.google.com/document/d/1AbCdEf/edit';
const TAB = 7;
const FINISTERE = { region: 'FR-29', regionPrompt: 'done' as const };

let bg: BackgroundDouble;

async function openPopup(url: string, options: Parameters<typeof startBackground>[0] = {}) {
  bg = await startBackground({ settings: FINISTERE, ...options, pages: { [TAB]: url } });
  await bg.report(TAB, url);
  const view = render(<Popup tabId={Promise.resolve(TAB)} />);
  await waitFor(() => expect(document.querySelector('main[aria-busy]')).toBeNull());
  return view;
}

const badge = async () => ({
  text: await fakeBrowser.action.getBadgeText({ tabId: TAB }),
  title: await fakeBrowser.action.getTitle({ tabId: TAB }),
});

beforeEach(() => setLanguage('fr'));
afterEach(() => setLanguage('fr'));

describe('the popup in the Finistère, on Gmail', () => {
  it('leads with Infini: what it takes to join, and one button', async () => {
    await openPopup(GMAIL);
    const lead = screen.getByRole('article', { name: 'Infini (Internet Finistère)' });
    expect(lead.textContent).toContain('Conseillé pour vous · Près de chez vous');
    expect(lead.textContent).toContain('Brest, Finistère (29)');
    expect(lead.textContent).toContain('Accès : réservé aux membres');
    const join = within(lead).getByRole('link', {
      name: 'Rejoindre Infini (Internet Finistère) – Infini (Internet Finistère)',
    });
    expect(join.textContent).toBe('Rejoindre Infini (Internet Finistère)');
    // The service gives no address of its own: the organisation's website, where one joins.
    expect(join.getAttribute('href')).toBe('https://www.infini.fr/');
    // Then the way to move: the guide, right under the card.
    expect(lead.nextElementSibling?.textContent).toBe('Comment déménager de Gmail — 5 étapes');
  });
});

describe('"I use this one"', () => {
  it('makes that host lead, changes the badge to say so, and one click undoes both', async () => {
    await openPopup(GMAIL);
    const before = await badge();
    expect(before.text).toMatch(/^\d+$/);
    const lead = screen.getByRole('article', { name: 'Infini (Internet Finistère)' });
    fireEvent.click(within(lead).getByRole('button', { name: "J'utilise celui-ci" }));

    const mine = (await screen.findByText('Votre hébergeur pour « Courriel »')).closest('article')!;
    expect(mine.getAttribute('aria-labelledby')).toBe('lead-name');
    expect(mine.querySelector('h3')!.textContent).toBe('Infini (Internet Finistère)');
    expect(within(mine).getByRole('link', { name: 'Ouvrir Hébergement de mails' }).getAttribute('href')).toBe(
      'https://www.infini.fr/',
    );
    await waitFor(() => expect(document.activeElement).toBe(mine.querySelector('h3')));
    expect(await badge()).toEqual({
      text: '✓',
      title: 'Matou : vous êtes sur Gmail. Vous avez une alternative : Infini (Internet Finistère).',
    });
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: TAB })).not.toEqual([
      0x1d, 0x6b, 0x55, 255,
    ]);
    // Kept on the device, in its own record.
    const stored = (await fakeBrowser.storage.local.get('myHosts')).myHosts as { hosts: unknown[] };
    expect(stored.hosts).toEqual([
      expect.objectContaining({
        category: 'email',
        organization: { id: 'infini', name: 'Infini (Internet Finistère)' },
      }),
    ]);

    // The next popup leads with it too.
    render(<Popup tabId={Promise.resolve(TAB)} />);
    await waitFor(() => expect(screen.getAllByText('Votre hébergeur pour « Courriel »')).toHaveLength(2));

    fireEvent.click(within(mine).getByRole('button', { name: "Je ne l'utilise plus" }));
    await waitFor(async () => expect(await badge()).toEqual(before));
    expect(screen.getAllByRole('article', { name: 'Infini (Internet Finistère)' })[0]!.textContent).toContain(
      'Conseillé pour vous',
    );
  });

  it('from the compact list too, for another host, which then leaves the list', async () => {
    await openPopup(DOCS);
    const item = screen.getAllByRole('listitem').find((li) => li.querySelector('h4'))!;
    const name = item.querySelector('h4')!.textContent!;
    fireEvent.click(within(item).getByRole('button', { name: "J'utilise celui-ci" }));
    await screen.findByText('Votre hébergeur pour « Écriture collaborative »');
    expect(screen.getByRole('article', { name }).textContent).toContain('Votre hébergeur');
    expect(screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).not.toContain(name);
    // Infini, which led before, is among the others now.
    expect(screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toContain(
      'Infini (Internet Finistère)',
    );
    expect((await badge()).title).toBe(
      `Matou : vous êtes sur Google Docs. Vous avez une alternative : ${name}.`,
    );
  });

  it('a host the directory no longer lists stays chosen, and says so', async () => {
    await openPopup(GMAIL, {
      local: {
        myHosts: {
          version: 1,
          hosts: [
            {
              category: 'email',
              organization: { id: 'gone-chaton', name: 'Chaton Parti' },
              service: { id: 'mail', name: 'Webmail', url: 'https://mail.parti.example/' },
              chosenAt: '2026-06-01T10:00:00.000Z',
            },
          ],
        },
      },
    });
    const mine = screen.getByRole('article', { name: 'Chaton Parti' });
    expect(mine.textContent).toContain("N'est plus dans l'annuaire CHATONS.");
    expect(within(mine).getByRole('link', { name: 'Ouvrir Webmail' }).getAttribute('href')).toBe(
      'https://mail.parti.example/',
    );
    expect((await badge()).text).toBe('✓');
    // Every directory host is still listed, none leads.
    expect(screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toContain(
      'Infini (Internet Finistère)',
    );
  });

  it('survives a directory refresh that no longer lists the host, and then says so', async () => {
    const snapshot = bundledSnapshot() as {
      organizations: Array<{ id: string }>;
      counts: { organizations: number };
    };
    const without = {
      ...snapshot,
      builtAt: '2027-01-04T04:00:00.000Z',
      organizations: snapshot.organizations.filter((org) => org.id !== 'infini'),
      counts: { ...snapshot.counts, organizations: snapshot.counts.organizations - 1 },
    };
    const fetch: typeof globalThis.fetch = async () =>
      new Response(JSON.stringify(without), { status: 200, headers: { 'Content-Type': 'application/json' } });
    await openPopup(GMAIL, { fetch });
    fireEvent.click(within(screen.getByRole('article')).getByRole('button', { name: "J'utilise celui-ci" }));
    await screen.findByText('Votre hébergeur pour « Courriel »');
    fireEvent.click(screen.getByRole('button', { name: "Mettre à jour l'annuaire" }));
    await screen.findByText("N'est plus dans l'annuaire CHATONS.");
    expect(screen.getByRole('contentinfo').textContent).toContain('(copie téléchargée)');
    const mine = screen.getByRole('article', { name: 'Infini (Internet Finistère)' });
    expect(within(mine).getByRole('link', { name: 'Ouvrir Hébergement de mails' })).toBeTruthy();
    expect((await badge()).text).toBe('✓');
  });

  it('a choice for a host not offered for the need is refused, and nothing changes', async () => {
    await openPopup(GMAIL);
    await expect(
      fakeBrowser.runtime.sendMessage({
        type: 'choose-host',
        tabId: TAB,
        organization: 'framasoft',
        service: 'nope',
      }),
    ).rejects.toThrow('no longer offered');
    expect((await fakeBrowser.storage.local.get('myHosts')).myHosts).toBeUndefined();
  });

  it('in English too', async () => {
    setLanguage('en');
    await openPopup(GMAIL);
    fireEvent.click(within(screen.getByRole('article')).getByRole('button', { name: 'I use this one' }));
    await screen.findByText('Your host for “Email”');
    expect((await badge()).title).toBe(
      'Matou: you are on Gmail. You have an alternative: Infini (Internet Finistère).',
    );
    expect(screen.getByRole('button', { name: 'I no longer use it' })).toBeTruthy();
  });
});

describe('trust facts on a host card', () => {
  /** The bundled copy, with the facts a member's files can give added to Infini and its pad. */
  function withFacts(): unknown {
    const snapshot = bundledSnapshot() as {
      organizations: Array<{
        id: string;
        facts?: object;
        services: Array<{ id: string; load: string; facts?: object }>;
      }>;
    };
    const infini = snapshot.organizations.find((org) => org.id === 'infini')!;
    infini.facts = {
      type: 'association',
      memberSince: '2016-10-01',
      startDate: '1995-01-01',
      legalUrl: 'https://www.infini.fr/mentions-legales',
      contactUrl: 'https://www.infini.fr/contact',
    };
    const pad = infini.services.find((service) => service.id === 'etherpad')!;
    pad.load = 'open';
    pad.facts = { legalUrl: 'https://pad.infini.fr/cgu', guideUrl: 'https://pad.infini.fr/aide' };
    return snapshot;
  }

  it('shows what the files give: structure, member since, open to new accounts, terms, guide, contact', async () => {
    await openPopup(DOCS, { snapshot: withFacts() });
    const lead = screen.getByRole('article', { name: 'Infini (Internet Finistère)' });
    expect(lead.textContent).toContain(
      'Association · membre des CHATONS depuis 2016 · accepte de nouveaux comptes',
    );
    const links = within(lead)
      .getAllByRole('link')
      .map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ["Conditions d'utilisation", 'https://pad.infini.fr/cgu'],
      ["Mode d'emploi", 'https://pad.infini.fr/aide'],
      ['Contact', 'https://www.infini.fr/contact'],
      ['Ouvrir Pad.Infini', 'https://pad.infini.fr/'],
    ]);
    // Founded in is not said when member-since is: one date is enough.
    expect(lead.textContent).not.toContain('fondé en');
  });

  it('shows nothing the files do not give', async () => {
    await openPopup(DOCS);
    const lead = screen.getByRole('article', { name: 'Infini (Internet Finistère)' });
    expect(lead.querySelector('.fact-links')).toBeNull();
    expect(lead.textContent).not.toMatch(/depuis|fondé|nouveaux comptes|Conditions|Contact/);
  });
});

describe('the options page lists the chosen hosts', () => {
  async function chooseInfini() {
    bg = await startBackground({ settings: FINISTERE, pages: { [TAB]: GMAIL } });
    await fakeBrowser.runtime.sendMessage({
      type: 'choose-host',
      tabId: TAB,
      organization: 'infini',
      service: 'hebergement-de-mails',
    });
  }

  it('with the need, the host and when; one click removes it, and the badge follows', async () => {
    await chooseInfini();
    await bg.report(TAB, GMAIL);
    expect((await badge()).text).toBe('✓');
    render(<Options />);
    const section = await screen.findByRole('region', { name: 'Vos hébergeurs' });
    expect(section.textContent).toMatch(
      /Courriel : Infini \(Internet Finistère\) \(Hébergement de mails\) \(choisi le \d+/,
    );
    expect(section.textContent).not.toContain("N'est plus dans l'annuaire");
    fireEvent.click(
      within(section).getByRole('button', { name: 'Retirer Infini (Internet Finistère) pour « Courriel »' }),
    );
    await within(section).findByText("Vous n'avez pas encore choisi d'hébergeur.", { exact: false });
    expect(document.activeElement).toBe(within(section).getByRole('heading', { level: 2 }));
    expect((await badge()).text).toMatch(/^\d+$/);
  });

  it('travels with export and import, and a bad entry in a file is reported, the others kept', async () => {
    await chooseInfini();
    const file = (await fakeBrowser.runtime.sendMessage({ type: 'export-settings' })) as SettingsExport;
    expect(file.myHosts?.hosts.map((h) => h.organization.id)).toEqual(['infini']);

    // A fresh installation imports it, with a broken second entry.
    bg = await startBackground({ settings: FINISTERE, pages: { [TAB]: GMAIL } });
    const broken = {
      ...file,
      myHosts: { ...file.myHosts!, hosts: [...file.myHosts!.hosts, { category: 'email' }] },
    };
    const result = (await fakeBrowser.runtime.sendMessage({
      type: 'import-settings',
      text: JSON.stringify(broken),
    })) as { ok: boolean; problems: string[] };
    expect(result).toMatchObject({ ok: false, problems: ['myHosts.hosts[]'] });
    render(<Options />);
    const section = await screen.findByRole('region', { name: 'Vos hébergeurs' });
    expect(section.textContent).toContain('Infini (Internet Finistère)');
  });
});
