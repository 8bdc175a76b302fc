// The options page and the first-run question, against the real background on the fake browser.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hostAccess, resetHostAccess, setLanguage } from './fake-extension';
import { bundledSnapshot, startBackground, type BackgroundDouble } from './background-double';
import { Options, exportFileName } from '../../src/options/Options';
import { DEPARTEMENTS } from '../../src/core/regions';
import { DEFAULT_DIRECTORY_URL } from '../../src/core/directory';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-extension')).fakeBrowser }));

let bg: BackgroundDouble;

async function openOptions(options: Parameters<typeof startBackground>[0] = {}, hash = '') {
  bg = await startBackground(options);
  const view = render(<Options hash={hash} />);
  await waitFor(() => expect(document.querySelector('main[aria-busy]')).toBeNull());
  return view;
}

function file(text: string, name = 'matou-settings.json'): File {
  return new File([text], name, { type: 'application/json' });
}

async function importText(text: string) {
  const input = screen.getByLabelText('Importer un fichier de réglages') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file(text)], configurable: true });
  fireEvent.change(input);
}

beforeEach(() => {
  setLanguage('fr');
  resetHostAccess();
});
afterEach(() => setLanguage('fr'));

describe('first run: where are you?', () => {
  it('proposes the guessed region, and a searchable list of the 101 départements', async () => {
    await openOptions({ guessedRegion: 'FR' });
    const welcome = screen.getByRole('region', { name: 'Bienvenue dans Matou' });
    expect(welcome.textContent).toContain(
      'Proposition, d’après la langue et le fuseau horaire de votre navigateur : France.',
    );
    expect((within(welcome).getByLabelText('Pays') as HTMLSelectElement).value).toBe('FR');
    const list = within(welcome).getByLabelText('Votre département') as HTMLSelectElement;
    expect(DEPARTEMENTS).toHaveLength(101);
    // "Not saying" plus the 101 départements, each as "35 — Ille-et-Vilaine".
    expect(list.options).toHaveLength(102);
    expect([...list.options].map((o) => o.textContent)).toContain('35 — Ille-et-Vilaine');
    expect([...list.options].map((o) => o.textContent)).toContain('2A — Corse-du-Sud');
    expect([...list.options].map((o) => o.textContent)).toContain('974 — La Réunion');
  });

  it('finds a département by number or by name (accents and case aside), and saves it', async () => {
    await openOptions({ guessedRegion: 'FR' });
    const welcome = screen.getByRole('region', { name: 'Bienvenue dans Matou' });
    const search = within(welcome).getByLabelText('Rechercher (nom ou numéro)');
    const list = within(welcome).getByLabelText('Votre département') as HTMLSelectElement;
    fireEvent.input(search, { target: { value: '35' } });
    expect([...list.options].map((o) => o.textContent)).toEqual([
      'Sans préciser (toute la France)',
      '35 — Ille-et-Vilaine',
    ]);
    fireEvent.input(search, { target: { value: 'ILLE ET' } });
    expect([...list.options].slice(1).map((o) => o.textContent)).toEqual(['35 — Ille-et-Vilaine']);
    fireEvent.input(search, { target: { value: 'ardeche' } });
    expect([...list.options].slice(1).map((o) => o.textContent)).toEqual(['07 — Ardèche']);
    expect(within(welcome).getByText('1 départements affichés.')).toBeTruthy();
    fireEvent.input(search, { target: { value: 'ille-et-vilaine' } });
    expect(list.value).toBe('FR-35');
    fireEvent.click(within(welcome).getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText("C'est noté : Ille-et-Vilaine (35).");
    const settings = await bg.settings.get();
    expect(settings.region).toBe('FR-35');
    expect(settings.regionPrompt).toBe('done');
    expect(screen.queryByRole('region', { name: 'Bienvenue dans Matou' })).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Réglages de Matou'));
  });

  it('starts from a guessed country outside France and saves a country', async () => {
    await openOptions({ guessedRegion: 'BE' });
    const welcome = screen.getByRole('region', { name: 'Bienvenue dans Matou' });
    expect((within(welcome).getByLabelText('Pays') as HTMLSelectElement).value).toBe('BE');
    expect(within(welcome).queryByLabelText('Votre département')).toBeNull();
    fireEvent.click(within(welcome).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(async () => expect((await bg.settings.get()).region).toBe('BE'));
  });

  it('can be skipped: the region stays unset and the popup will ask once', async () => {
    await openOptions({ guessedRegion: 'FR' });
    fireEvent.click(screen.getByRole('button', { name: 'Passer cette étape' }));
    await screen.findByText('Étape passée. Vous pourrez choisir votre région ici à tout moment.');
    const settings = await bg.settings.get();
    expect(settings.region).toBeNull();
    expect(settings.regionPrompt).toBe('skipped');
    expect(bg.requests.at(-1)).toMatchObject({ type: 'set-region', region: null, skipped: true });
  });

  it("opens on the welcome step from the popup's invitation (#welcome) even after the first run", async () => {
    await openOptions({ settings: { region: null, regionPrompt: 'done' } }, '#welcome');
    expect(screen.getByRole('region', { name: 'Bienvenue dans Matou' })).toBeTruthy();
  });
});

describe('options: region', () => {
  it('shows the current region and changes it', async () => {
    await openOptions({ settings: { region: 'FR-35', regionPrompt: 'done' } });
    const region = screen.getByRole('region', { name: 'Votre région' });
    expect(region.textContent).toContain('Actuellement : Ille-et-Vilaine (35).');
    expect((within(region).getByLabelText('Votre département') as HTMLSelectElement).value).toBe('FR-35');
    fireEvent.change(within(region).getByLabelText('Votre département'), { target: { value: 'FR-69' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Enregistrer la région' }));
    await within(region).findByText('Actuellement : Rhône (69).');
    expect((await bg.settings.get()).region).toBe('FR-69');
  });
});

describe('options: directory', () => {
  it("describes the copy's source in the user's language, and in French for a copy with one sentence", async () => {
    await openOptions({ settings: { region: 'FR-35', regionPrompt: 'done' } });
    const section = () => screen.getByRole('region', { name: /^(Annuaire des CHATONS|CHATONS directory)$/ });
    expect(section().textContent).toContain("Source : Copie partielle de l'annuaire CHATONS");
    expect(section().textContent).not.toContain('Partial');
    cleanup();
    setLanguage('en');
    await openOptions({ settings: { region: 'FR-35', regionPrompt: 'done' } });
    expect(section().textContent).toContain('Source: Partial, hand-compiled mirror of the CHATONS directory');
    expect(section().textContent).not.toContain('Copie partielle');
    // A copy built before the sentences per language: its one sentence, whatever the language.
    cleanup();
    const older = bundledSnapshot() as { source: Record<string, unknown> };
    delete older.source.descriptions;
    older.source.description = 'Une seule phrase.';
    await openOptions({ settings: { region: 'FR-35', regionPrompt: 'done' }, snapshot: older });
    expect(section().textContent).toContain('Source: Une seule phrase.');
  });

  it('shows the copy in use, refuses a non-https source, saves an https one and goes back to the default', async () => {
    await openOptions({ settings: { region: 'FR-35', regionPrompt: 'done' } });
    const section = screen.getByRole('region', { name: 'Annuaire des CHATONS' });
    expect(section.textContent).toContain('(copie fournie avec Matou)');
    const url = within(section).getByLabelText("Adresse de l'annuaire") as HTMLInputElement;
    expect(url.value).toBe(DEFAULT_DIRECTORY_URL);
    fireEvent.input(url, { target: { value: 'http://example.org/snapshot.json' } });
    fireEvent.click(within(section).getByRole('button', { name: "Enregistrer l'adresse" }));
    await within(section).findByText('Cette adresse doit commencer par https://.');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect((await bg.settings.get()).directory.url).toBe(DEFAULT_DIRECTORY_URL);
    fireEvent.input(url, { target: { value: 'https://example.org/snapshot.json' } });
    fireEvent.click(within(section).getByRole('button', { name: "Enregistrer l'adresse" }));
    await within(section).findByText('Adresse enregistrée.');
    expect((await bg.settings.get()).directory.url).toBe('https://example.org/snapshot.json');
    // Saving asked for that one origin, so the download carries no Origin header.
    expect([...hostAccess.granted].sort()).toEqual(['https://example.org/*', 'https://matou.frama.io/*']);
    fireEvent.click(within(section).getByRole('button', { name: "Revenir à l'adresse par défaut" }));
    await waitFor(async () => expect((await bg.settings.get()).directory.url).toBe(DEFAULT_DIRECTORY_URL));
  });

  it('keeps the address when the browser is not allowed to contact the new one, and says so', async () => {
    await openOptions({ settings: { region: 'FR-35', regionPrompt: 'done' } });
    const section = screen.getByRole('region', { name: 'Annuaire des CHATONS' });
    expect(section.textContent).toContain('aucun identifiant de votre installation');
    hostAccess.grants = false;
    fireEvent.input(within(section).getByLabelText("Adresse de l'annuaire"), {
      target: { value: 'https://annuaire.example/snapshot.json' },
    });
    fireEvent.click(within(section).getByRole('button', { name: "Enregistrer l'adresse" }));
    await within(section).findByText(
      "Le navigateur n'a pas autorisé Matou à contacter https://annuaire.example : l'adresse n'a pas été changée.",
    );
    expect((await bg.settings.get()).directory.url).toBe(DEFAULT_DIRECTORY_URL);
    expect(hostAccess.granted.has('https://annuaire.example/*')).toBe(false);
  });

  it('says when the saved address lost its permission, and asks again on a click', async () => {
    await openOptions({
      settings: {
        region: 'FR-35',
        regionPrompt: 'done',
        directory: { url: 'https://annuaire.example/snapshot.json', refresh: 'weekly' },
      },
    });
    const section = screen.getByRole('region', { name: 'Annuaire des CHATONS' });
    await within(section).findByText(/Matou n'a pas l'autorisation de contacter https:\/\/annuaire\.example/);
    fireEvent.click(within(section).getByRole('button', { name: 'Autoriser ce site' }));
    await waitFor(() => expect(within(section).queryByText(/n'a pas l'autorisation/)).toBeNull());
    expect(hostAccess.granted.has('https://annuaire.example/*')).toBe(true);
  });

  it('switches automatic refresh off (the refresh button then says why it is disabled) and on again', async () => {
    await openOptions({ settings: { region: 'FR-35', regionPrompt: 'done' } });
    const section = screen.getByRole('region', { name: 'Annuaire des CHATONS' });
    expect(
      (within(section).getByLabelText('Automatique, une fois par semaine') as HTMLInputElement).checked,
    ).toBe(true);
    fireEvent.click(within(section).getByLabelText('Jamais : aucune connexion'));
    await waitFor(() =>
      expect(
        (within(section).getByRole('button', { name: "Mettre à jour l'annuaire" }) as HTMLButtonElement)
          .disabled,
      ).toBe(true),
    );
    expect(section.textContent).toContain('Les téléchargements de l’annuaire sont désactivés.');
    expect((await bg.settings.get()).directory.refresh).toBe('off');
    fireEvent.click(within(section).getByLabelText('Seulement quand je le demande'));
    await waitFor(async () => expect((await bg.settings.get()).directory.refresh).toBe('manual'));
    expect(
      (within(section).getByRole('button', { name: "Mettre à jour l'annuaire" }) as HTMLButtonElement)
        .disabled,
    ).toBe(false);
  });

  it('refreshes now and shows the result', async () => {
    await openOptions({ settings: { region: 'FR-35', regionPrompt: 'done' } });
    const section = screen.getByRole('region', { name: 'Annuaire des CHATONS' });
    fireEvent.click(within(section).getByRole('button', { name: "Mettre à jour l'annuaire" }));
    await waitFor(() => expect(section.textContent).toMatch(/Dernière vérification le .* : échec/));
  });

  it('shows when the published directory last changed, once a copy says so', async () => {
    // What directory:publish writes: a newer build whose content last changed a week earlier.
    const published = {
      ...(bundledSnapshot() as Record<string, unknown>),
      builtAt: '2027-01-04T04:00:00.000Z',
      changedAt: '2026-12-28T04:00:00.000Z',
    };
    const fetch: typeof globalThis.fetch = async () =>
      new Response(JSON.stringify(published), {
        status: 200,
        headers: { 'Content-Type': 'application/json', ETag: '"w1"' },
      });
    await openOptions({
      settings: {
        region: 'FR-35',
        regionPrompt: 'done',
        directory: { url: DEFAULT_DIRECTORY_URL, refresh: 'manual' },
      },
      fetch,
    });
    const section = screen.getByRole('region', { name: 'Annuaire des CHATONS' });
    expect(section.textContent).not.toContain('Dernier changement'); // the bundled copy does not say
    fireEvent.click(within(section).getByRole('button', { name: "Mettre à jour l'annuaire" }));
    await waitFor(() =>
      expect(section.textContent).toContain("Dernier changement dans l'annuaire publié : 28 décembre 2026."),
    );
    expect(section.textContent).toContain('Annuaire du 4 janvier 2027 (copie téléchargée).');
  });
});

describe('options: ignored sites', () => {
  it('lists them and removes one', async () => {
    await openOptions({
      settings: { region: 'FR-35', regionPrompt: 'done', ignoredSites: ['discord.com', 'docs.google.com'] },
    });
    const section = screen.getByRole('region', { name: 'Sites ignorés' });
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.host-name')?.textContent),
    ).toEqual(['discord.com', 'docs.google.com']);
    fireEvent.click(
      within(section).getByRole('button', { name: 'Retirer docs.google.com des sites ignorés' }),
    );
    await within(section).findByText("docs.google.com n'est plus ignoré.");
    expect((await bg.settings.get()).ignoredSites).toEqual(['discord.com']);
    expect(document.activeElement?.id).toBe('ignored-title');
  });

  it('says when there are none', async () => {
    await openOptions({ settings: { region: 'FR-35', regionPrompt: 'done' } });
    expect(screen.getByRole('region', { name: 'Sites ignorés' }).textContent).toContain(
      'Aucun site ignoré pour le moment.',
    );
  });
});

describe('options: export and import', () => {
  it('exports every setting as a JSON file', async () => {
    await openOptions({ settings: { region: 'FR-35', regionPrompt: 'done', ignoredSites: ['discord.com'] } });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:matou-test';
    });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Exporter les réglages' }));
    await screen.findByText(`Fichier ${exportFileName()} enregistré.`);
    expect(clicked[0]?.download).toBe(exportFileName());
    const saved = JSON.parse(await blobs[0]!.text()) as {
      format: string;
      settings: { region: string; ignoredSites: string[] };
    };
    expect(saved.format).toBe('matou-settings');
    expect(saved.settings.region).toBe('FR-35');
    expect(saved.settings.ignoredSites).toEqual(['discord.com']);
  });

  it('imports a file: region applied, ignored sites merged with those already there', async () => {
    await openOptions({ settings: { region: 'FR-69', regionPrompt: 'done', ignoredSites: ['discord.com'] } });
    await importText(
      JSON.stringify({
        format: 'matou-settings',
        settings: { version: 1, region: 'FR-35', ignoredSites: ['zoom.us'] },
      }),
    );
    await screen.findByText('Réglages importés.');
    const settings = await bg.settings.get();
    expect(settings.region).toBe('FR-35');
    expect(settings.ignoredSites).toEqual(['discord.com', 'zoom.us']);
    // The page shows what is now in force.
    expect(screen.getByRole('region', { name: 'Votre région' }).textContent).toContain(
      'Actuellement : Ille-et-Vilaine (35).',
    );
  });

  it('imports local corrections: the list of local corrections shows them at once, without a reload', async () => {
    await openOptions({ settings: { region: 'FR-35', regionPrompt: 'done' } });
    const section = screen.getByRole('region', { name: 'Corrections locales' });
    // Loaded (the form to add a host appears with the list), with no exclusion yet.
    await within(section).findByRole('heading', { name: 'Ajouter un hébergeur que je connais' });
    expect(
      within(section).getByText("Aucune : Matou signale tous les services qu'il reconnaît."),
    ).toBeTruthy();
    await importText(
      JSON.stringify({
        format: 'matou-settings',
        settings: { version: 1 },
        corrections: {
          version: 1,
          exclusions: [{ service: 'gmail', host: 'mail.google.com', addedAt: '2026-11-22T10:00:00.000Z' }],
          userHosts: [],
        },
      }),
    );
    await screen.findByText('Réglages importés.');
    await within(section).findByText('mail.google.com');
    expect(within(section).getByText("n'est pas Gmail", { exact: false })).toBeTruthy();
  });

  it('reports what it could not import, in plain words, and loses nothing that was there', async () => {
    await openOptions({ settings: { region: 'FR-35', regionPrompt: 'done', ignoredSites: ['discord.com'] } });
    await importText(
      JSON.stringify({
        settings: {
          version: 1,
          region: 'FR-99',
          directory: { url: 'http://insecure.example/' },
          ignoredSites: ['zoom.us', 'not a host!'],
        },
      }),
    );
    await screen.findByText(
      'Réglages importés, sauf ce qui suit (vos réglages actuels sont gardés pour ces points) :',
    );
    const result = screen.getByText("la région n'est pas une région connue.").closest('ul')!;
    expect(
      within(result)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      "la région n'est pas une région connue.",
      "l'adresse de l'annuaire n'est pas une adresse https://.",
      "des sites ignorés n'étaient pas des noms de site valides et ont été écartés.",
    ]);
    const settings = await bg.settings.get();
    expect(settings.region).toBe('FR-35');
    expect(settings.directory.url).toBe(DEFAULT_DIRECTORY_URL);
    expect(settings.ignoredSites).toEqual(['discord.com', 'zoom.us']);
  });

  it('changes nothing with a file that is not JSON', async () => {
    await openOptions({ settings: { region: 'FR-35', regionPrompt: 'done', ignoredSites: ['discord.com'] } });
    const before = await bg.settings.get();
    await importText('this is not { json');
    await screen.findByText("Rien n'a été importé, vos réglages n'ont pas changé :");
    expect(screen.getByText("le fichier n'est pas lisible (ce n'est pas du JSON).")).toBeTruthy();
    expect(await bg.settings.get()).toEqual(before);
  });
});

describe('options: in English', () => {
  it('speaks English', async () => {
    setLanguage('en');
    await openOptions({ guessedRegion: 'FR' });
    expect(screen.getByRole('region', { name: 'Welcome to Matou' })).toBeTruthy();
    expect(screen.getByLabelText('Country')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Skip this step' })).toBeTruthy();
    expect(
      [...(screen.getByLabelText('Country') as HTMLSelectElement).options].find((o) => o.value === 'BE')
        ?.textContent,
    ).toBe('Belgium');
  });
});
