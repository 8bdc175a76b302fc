// What an earlier Matou left in storage, read by this one through the real path: the background's
// stores read `browser.storage.local` (here the fake browser), migrate each older layout one step
// at a time, and keep every valid field or entry when others are corrupt or unknown. Each
// migration step has its test here, end to end; the field-by-field rules are in
// test/unit/core/settings.test.ts and test/unit/core/corrections/local.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, setLanguage } from '../../ui/fake-extension';
import { startBackground } from '../../ui/background-double';
import { catalogue } from '../../../src/catalogue';
import { DEFAULT_DIRECTORY_URL } from '../../../src/core/directory';
import { parseRegion } from '../../../src/core/regions';
import { defaultSettings, SETTINGS_VERSION } from '../../../src/core/settings';
import { CORRECTIONS_VERSION } from '../../../src/core/corrections/local';
import type { CorrectionsState, OptionsState } from '../../../src/core/protocol';
import { SettingsStore } from '../../../src/background/settings-store';
import { CorrectionsStore } from '../../../src/background/corrections-store';
import { MyHostsStore } from '../../../src/background/my-hosts-store';
import { MY_HOSTS_VERSION } from '../../../src/core/my-hosts';

vi.mock('webextension-polyfill', async () => ({
  default: (await import('../../ui/fake-extension')).fakeBrowser,
}));

const AT = '2026-11-22T10:00:00.000Z';
const defaults = { directoryUrl: DEFAULT_DIRECTORY_URL };
const isRegion = (code: string) => parseRegion(code) !== null;
const categoryIds = new Set(catalogue.categories.map((c) => c.id));
/** The stores as src/background/index.ts builds them. */
const settingsStore = () => new SettingsStore(defaults, isRegion);
const correctionsStore = () => new CorrectionsStore((id) => categoryIds.has(id));
const myHostsStore = () => new MyHostsStore((id) => categoryIds.has(id));
type Key = 'settings' | 'corrections' | 'myHosts';
const stored = async (key: Key) => (await fakeBrowser.storage.local.get(key))[key] as Record<string, unknown>;
const put = (key: Key, value: unknown) => fakeBrowser.storage.local.set({ [key]: value });

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  fakeBrowser.reset();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  fakeBrowser.reset();
});

describe('settings in storage', () => {
  it('v0 -> v1: region and `ignored` at the top level, no version, read as version 1 and stored so at the next change', async () => {
    await put('settings', { region: 'fr-bre', ignored: ['discord.com', 'ZOOM.US.'] });
    const store = settingsStore();
    expect(await store.get()).toEqual({
      ...defaultSettings(defaults),
      region: 'FR-BRE',
      regionPrompt: 'done',
      ignoredSites: ['discord.com', 'zoom.us'],
    });
    expect(warn).not.toHaveBeenCalled();
    // Reading alone leaves storage as it was; the first change writes the current layout.
    expect(await stored('settings')).toEqual({ region: 'fr-bre', ignored: ['discord.com', 'ZOOM.US.'] });
    await store.update((s) => ({ ...s, directory: { ...s.directory, refresh: 'manual' } }));
    expect(await stored('settings')).toEqual({
      version: SETTINGS_VERSION,
      region: 'FR-BRE',
      regionPrompt: 'done',
      directory: { url: DEFAULT_DIRECTORY_URL, refresh: 'manual' },
      ignoredSites: ['discord.com', 'zoom.us'],
    });
    expect(await settingsStore().get()).toMatchObject({
      region: 'FR-BRE',
      ignoredSites: ['discord.com', 'zoom.us'],
      directory: { refresh: 'manual' },
    });
  });

  it('v0 -> v1 reaches the options page through the message handler', async () => {
    setLanguage('fr');
    await startBackground();
    await put('settings', { region: 'BE', ignored: ['slack.com'] });
    const state = (await fakeBrowser.runtime.sendMessage({ type: 'get-options-state' })) as OptionsState;
    expect(state.settings).toMatchObject({
      version: SETTINGS_VERSION,
      region: 'BE',
      regionPrompt: 'done',
      ignoredSites: ['slack.com'],
    });
  });

  it('a v0 record with a corrupt field: migrated, the bad field reset, the rest kept', async () => {
    await put('settings', { region: 'Atlantis', ignored: ['discord.com', 42] });
    expect(await settingsStore().get()).toMatchObject({
      region: null,
      regionPrompt: 'ask',
      ignoredSites: ['discord.com'],
    });
    expect(warn).toHaveBeenCalledWith(expect.any(String), 'region, ignoredSites[]');
  });

  it('corrupt values fall back to their defaults, field by field, and the next write keeps only good ones', async () => {
    await put('settings', {
      version: 1,
      region: 'XX-999',
      regionPrompt: 'maybe',
      directory: { url: 'javascript:alert(1)', refresh: 'manual' },
      ignoredSites: ['zoom.us', 42, 'not a host!'],
    });
    const store = settingsStore();
    expect(await store.get()).toEqual({
      ...defaultSettings(defaults),
      directory: { url: DEFAULT_DIRECTORY_URL, refresh: 'manual' },
      ignoredSites: ['zoom.us'],
    });
    expect(warn).toHaveBeenCalledWith(
      expect.any(String),
      'region, regionPrompt, directory.url, ignoredSites[]',
    );
    await store.update((s) => s);
    expect(await stored('settings')).toEqual({
      ...defaultSettings(defaults),
      directory: { url: DEFAULT_DIRECTORY_URL, refresh: 'manual' },
      ignoredSites: ['zoom.us'],
    });
  });

  it('unknown values (a newer version, a refresh mode this Matou does not know, a new field) keep what still reads', async () => {
    await put('settings', {
      version: 7,
      region: 'FR-35',
      directory: { refresh: 'hourly', url: 'https://mirror.example/snapshot.json' },
      laterField: { a: 1 },
    });
    const store = settingsStore();
    expect(await store.get()).toEqual({
      ...defaultSettings(defaults),
      region: 'FR-35',
      regionPrompt: 'done',
      directory: { url: 'https://mirror.example/snapshot.json', refresh: 'weekly' },
    });
    expect(warn).toHaveBeenCalledWith(expect.any(String), 'version, directory.refresh');
    await store.update((s) => s);
    expect(await stored('settings')).not.toHaveProperty('laterField');
  });

  it('a record that is not an object at all gives the defaults', async () => {
    await put('settings', 'oops');
    expect(await settingsStore().get()).toEqual(defaultSettings(defaults));
    expect(warn).toHaveBeenCalledWith(expect.any(String), 'settings');
  });
});

describe('local corrections in storage', () => {
  const v0 = {
    exclusions: [{ service: 'zoom', host: 'zoom.us', addedAt: AT }],
    userHosts: [
      { category: 'email', name: 'Le Chaton', url: 'chaton.example', registration: 'member', addedAt: AT },
    ],
  };

  it('v0 -> v1: a record without a version is read as version 1 and stored so at the next change', async () => {
    await put('corrections', v0);
    const store = correctionsStore();
    expect(await store.get()).toEqual({
      version: CORRECTIONS_VERSION,
      exclusions: [{ id: 'not:zoom@zoom.us', service: 'zoom', host: 'zoom.us', addedAt: AT }],
      userHosts: [
        {
          id: 'host:email@https://chaton.example/',
          category: 'email',
          name: 'Le Chaton',
          url: 'https://chaton.example/',
          registration: 'member',
          addedAt: AT,
        },
      ],
    });
    expect(warn).not.toHaveBeenCalled();
    expect(await stored('corrections')).toEqual(v0);
    await store.update((c) => ({
      ...c,
      exclusions: [
        ...c.exclusions,
        { id: 'not:gmail@mail.google.com', service: 'gmail', host: 'mail.google.com', addedAt: AT },
      ],
    }));
    const written = await stored('corrections');
    expect(written.version).toBe(CORRECTIONS_VERSION);
    expect((written.exclusions as Array<{ id: string }>).map((e) => e.id)).toEqual([
      'not:zoom@zoom.us',
      'not:gmail@mail.google.com',
    ]);
    expect((written.userHosts as Array<{ url: string }>)[0]?.url).toBe('https://chaton.example/');
  });

  it('v0 -> v1 reaches the options page, and silences the badge, through the message handler', async () => {
    setLanguage('fr');
    const bg = await startBackground({ pages: { 3: 'https://zoom.us/j/1' } });
    await put('corrections', v0);
    const state = (await fakeBrowser.runtime.sendMessage({ type: 'get-corrections' })) as CorrectionsState;
    expect(state.corrections.version).toBe(CORRECTIONS_VERSION);
    expect(state.corrections.exclusions.map((e) => e.id)).toEqual(['not:zoom@zoom.us']);
    expect(state.corrections.userHosts.map((h) => h.name)).toEqual(['Le Chaton']);
    await bg.report(3, 'https://zoom.us/j/1');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('');
  });

  it('corrupt entries are left out one by one, a list that is not a list alone, and the next write drops them', async () => {
    await put('corrections', {
      version: 1,
      exclusions: [
        { service: 'zoom', host: 'zoom.us', addedAt: AT },
        { service: 'gmail', host: '???' },
        'junk',
        { service: 'google-maps', host: 'www.google.com', path: 'maps?x' },
      ],
      userHosts: 'not a list',
    });
    const store = correctionsStore();
    expect((await store.get()).exclusions.map((e) => e.id)).toEqual(['not:zoom@zoom.us']);
    expect((await store.get()).userHosts).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.any(String), 'corrections.exclusions[], corrections.userHosts');
    await store.update((c) => c);
    expect(await stored('corrections')).toEqual({
      version: CORRECTIONS_VERSION,
      exclusions: [{ id: 'not:zoom@zoom.us', service: 'zoom', host: 'zoom.us', addedAt: AT }],
      userHosts: [],
    });
  });

  it('unknown values (a newer version, a need the catalogue does not have, an access condition it does not know) keep the rest', async () => {
    await put('corrections', {
      version: 4,
      exclusions: [{ service: 'zoom', host: 'zoom.us', addedAt: AT }],
      userHosts: [
        { category: 'email', name: 'Kept', url: 'https://kept.example/', registration: 'free', addedAt: AT },
        { category: 'knitting', name: 'Unknown need', url: 'https://need.example/', registration: 'free' },
        {
          category: 'email',
          name: 'Unknown access',
          url: 'https://access.example/',
          registration: 'invite-only',
        },
      ],
      laterField: true,
    });
    const store = correctionsStore();
    const corrections = await store.get();
    expect(corrections.exclusions).toHaveLength(1);
    expect(corrections.userHosts.map((h) => h.name)).toEqual(['Kept']);
    expect(warn).toHaveBeenCalledWith(expect.any(String), 'corrections.version, corrections.userHosts[]');
    await store.update((c) => c);
    expect(await stored('corrections')).toEqual({
      version: CORRECTIONS_VERSION,
      exclusions: corrections.exclusions,
      userHosts: corrections.userHosts,
    });
  });

  it('a record that is not an object at all gives no corrections, and the settings are untouched', async () => {
    await put('settings', { version: 1, region: 'FR-69' });
    await put('corrections', ['not', 'an', 'object']);
    expect(await correctionsStore().get()).toEqual({
      version: CORRECTIONS_VERSION,
      exclusions: [],
      userHosts: [],
    });
    expect(warn).toHaveBeenCalledWith(expect.any(String), 'corrections');
    expect((await settingsStore().get()).region).toBe('FR-69');
  });
});

describe('chosen hosts in storage', () => {
  const choice = {
    category: 'email',
    organization: { id: 'infini', name: 'Infini (Internet Finistère)' },
    service: { id: 'hebergement-de-mails', name: 'Hébergement de mails', url: 'https://www.infini.fr/' },
    chosenAt: AT,
  };

  it('v0 -> v1: a record without a version is read as version 1 and stored so at the next change', async () => {
    await put('myHosts', { hosts: [choice] });
    const store = myHostsStore();
    expect(await store.get()).toEqual({ version: MY_HOSTS_VERSION, hosts: [choice] });
    expect(warn).not.toHaveBeenCalled();
    expect(await stored('myHosts')).toEqual({ hosts: [choice] });
    await store.update((m) => m);
    expect(await stored('myHosts')).toEqual({ version: MY_HOSTS_VERSION, hosts: [choice] });
  });

  it('a newer record and a broken entry: the rest is kept, what was dropped is said', async () => {
    await put('myHosts', { version: 7, hosts: [choice, { ...choice, category: 'no-such-need' }] });
    expect((await myHostsStore().get()).hosts).toEqual([choice]);
    expect(warn).toHaveBeenCalledWith(expect.any(String), 'myHosts.version, myHosts.hosts[]');
  });

  it('two quick choices in a row both land', async () => {
    const store = myHostsStore();
    const visio = { ...choice, category: 'video-calls' };
    await Promise.all([
      store.update((m) => ({ ...m, hosts: [...m.hosts, choice] })),
      store.update((m) => ({ ...m, hosts: [...m.hosts, visio] })),
    ]);
    expect(((await stored('myHosts')).hosts as unknown[]).length).toBe(2);
  });
});
