// The popup's view model for each state the popup can be in: nothing detected, a detection with
// hosts, silenced, excluded by a local correction, with hosts the user added.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../src/catalogue';
import { compileClassifier } from '../../../src/core/catalogue';
import { emptyCorrections } from '../../../src/core/corrections/local';
import { NO_MY_HOSTS } from '../../../src/core/my-hosts';
import { buildPopupState, catalogueViews, type PopupInputs } from '../../../src/core/popup-state';
import type { DirectoryStatus } from '../../../src/core/protocol';
import { defaultSettings } from '../../../src/core/settings';
import type { RankedHost } from '../../../src/core/directory';

const views = catalogueViews(catalogue);
const gmail = compileClassifier(catalogue).classify('https://mail.google.com/mail/u/0/')!;
const directory: DirectoryStatus = {
  builtAt: '2026-11-23T00:00:00.000Z',
  origin: 'bundled',
  sourceDescription: 'test',
  counts: { organizations: 1, services: 1 },
  lastCheck: null,
};
const host: RankedHost = {
  organization: { id: 'infini', name: 'Infini' },
  service: { id: 'infini-mail', name: 'Mail', url: 'https://mail.infini.fr/', urlSource: 'service' },
  software: { name: 'Roundcube' },
  registration: 'member',
  load: 'open',
  locality: 'regional',
  place: { countryCode: 'FR', departement: 'FR-29', city: 'Brest', known: true, precision: 'departement' },
};
const inputs = (over: Partial<PopupInputs> = {}): PopupInputs => ({
  tabId: 4,
  settings: {
    ...defaultSettings({ directoryUrl: 'https://d.example/s.json' }),
    region: 'FR-35',
    regionPrompt: 'done',
  },
  rankingRegion: 'FR-35',
  found: gmail,
  excludedBy: null,
  silenced: null,
  directory,
  hosts: [host],
  corrections: emptyCorrections(),
  myHosts: NO_MY_HOSTS,
  lang: 'fr',
  ...over,
});

describe('buildPopupState', () => {
  it('a detection: the service, its need, the free software for it and the ranked hosts with their place in words', () => {
    const state = buildPopupState(inputs(), views);
    expect(state.detection).toMatchObject({
      service: { id: 'gmail', name: 'Gmail' },
      category: { id: 'email' },
      host: 'mail.google.com',
      silenced: null,
    });
    expect(state.alternatives.length).toBeGreaterThan(0);
    expect(state.alternatives.every((software) => software.fitNote !== null)).toBe(true);
    expect(state.best).toEqual({ ...host, placeLabel: 'Brest, Finistère (29)' });
    expect(state.hosts).toEqual([]);
    expect(state.myHost).toBeNull();
    expect(state.rankedFor).toEqual({ code: 'FR-35', label: 'Ille-et-Vilaine (35)', guessed: false });
  });

  it('nothing detected: no software, no hosts, and the region still there', () => {
    const state = buildPopupState(inputs({ found: null, hosts: [host] }), views);
    expect(state).toMatchObject({
      detection: null,
      alternatives: [],
      hosts: [],
      userHosts: [],
      excludedBy: null,
      region: 'FR-35',
    });
  });

  it('guessed region, silenced site, excluded page and user hosts of the detected need only', () => {
    const settings = { ...defaultSettings({ directoryUrl: 'https://d.example/s.json' }) };
    const userHost = (category: string) => ({
      id: `host:${category}@https://c.example/`,
      category,
      name: 'C',
      url: 'https://c.example/',
      registration: 'free' as const,
      addedAt: '2026-11-01T00:00:00.000Z',
    });
    const corrections = {
      ...emptyCorrections(),
      userHosts: [userHost('email'), userHost('video-conference')],
    };
    const state = buildPopupState(
      inputs({ settings, rankingRegion: 'FR', silenced: 'snoozed', corrections }),
      views,
    );
    expect(state.rankedFor.guessed).toBe(true);
    expect(state.detection?.silenced).toBe('snoozed');
    expect(state.userHosts.map((h) => h.category)).toEqual(['email']);
    const exclusion = {
      id: 'not:gmail@mail.google.com',
      service: 'gmail',
      host: 'mail.google.com',
      addedAt: '2026-11-01T00:00:00.000Z',
    };
    const excluded = buildPopupState(inputs({ found: null, excludedBy: exclusion }), views);
    expect(excluded.excludedBy).toEqual({
      id: exclusion.id,
      service: { id: 'gmail', name: 'Gmail' },
      host: 'mail.google.com',
    });
  });
});
