// The message handler: who may ask what, the popup state it builds (place labels, ranked-for
// region), the new requests (dismiss-region-prompt), import merging, and the badge it keeps.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, setLanguage } from '../../ui/fake-extension';
import { startBackground, type BackgroundDouble } from '../../ui/background-double';
import { placeLabel } from '../../../src/background/messages';
import type { PopupState } from '../../../src/core/protocol';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../ui/fake-extension')).fakeBrowser }));

const DOCS = 'https://docs.google.com/document/d/1AbCdEf/edit';
let bg: BackgroundDouble;
const ask = <T>(message: unknown) => fakeBrowser.runtime.sendMessage(message) as Promise<T>;

beforeEach(async () => {
  setLanguage('fr');
  bg = await startBackground({ pages: { 3: DOCS }, settings: { region: 'FR-35', regionPrompt: 'done' } });
});

describe('placeLabel', () => {
  it('puts a place in words, finest first', () => {
    expect(placeLabel({ countryCode: 'FR', departement: 'FR-29', region: 'FR-BRE', city: 'Brest', known: true, precision: 'departement' }, 'fr')).toBe('Brest, Finistère (29)');
    expect(placeLabel({ countryCode: 'FR', region: 'FR-BRE', known: true, precision: 'region' }, 'en')).toBe('Brittany');
    expect(placeLabel({ countryCode: 'BE', city: 'Liège', known: true, precision: 'country' }, 'fr')).toBe('Liège, Belgique');
    expect(placeLabel({ known: false, precision: 'unknown' }, 'fr')).toBeNull();
    expect(placeLabel({ countryCode: 'FR', departement: 'FR-75', city: 'Paris', known: true, precision: 'departement' }, 'fr')).toBe('Paris (75)');
  });
});

describe('popup state', () => {
  it('carries the ranked-for region with its label, the refresh mode and place labels', async () => {
    const state = await ask<PopupState>({ type: 'get-popup-state', tabId: 3 });
    expect(state.rankedFor).toEqual({ code: 'FR-35', label: 'Ille-et-Vilaine (35)', guessed: false });
    expect(state.refreshMode).toBe('weekly');
    expect(state.hosts[0]).toMatchObject({ organization: { name: 'Infini (Internet Finistère)' }, placeLabel: 'Brest, Finistère (29)' });
    expect(state.hosts.every((host) => host.place.known || host.placeLabel === null)).toBe(true);
  });

  it('labels the region in English for an English browser', async () => {
    setLanguage('en');
    const state = await ask<PopupState>({ type: 'get-popup-state', tabId: 3 });
    expect(state.hosts[0]?.placeLabel).toBe('Brest, Finistère (29)');
    await ask({ type: 'set-region', region: 'FR-BRE' });
    expect((await ask<PopupState>({ type: 'get-popup-state', tabId: 3 })).rankedFor.label).toBe('Brittany');
  });
});

describe('requests', () => {
  it('dismiss-region-prompt settles a skipped question, and nothing else', async () => {
    await bg.settings.update((s) => ({ ...s, region: null, regionPrompt: 'skipped' }));
    await ask({ type: 'dismiss-region-prompt' });
    expect((await bg.settings.get()).regionPrompt).toBe('done');
    await bg.settings.update((s) => ({ ...s, regionPrompt: 'ask' }));
    await ask({ type: 'dismiss-region-prompt' });
    expect((await bg.settings.get()).regionPrompt).toBe('ask');
  });

  it('options state proposes the guessed region', async () => {
    bg = await startBackground({ guessedRegion: 'CH' });
    expect(await ask<{ guessedRegion: string }>({ type: 'get-options-state' })).toMatchObject({ guessedRegion: 'CH' });
  });

  it('export gives a file the import reads back', async () => {
    await ask({ type: 'ignore-site', host: 'zoom.us' });
    const file = await ask<{ format: string; settings: unknown }>({ type: 'export-settings' });
    expect(file.format).toBe('matou-settings');
    bg = await startBackground();
    const result = await ask<{ ok: boolean; problems: string[] }>({ type: 'import-settings', text: JSON.stringify(file) });
    expect(result).toMatchObject({ ok: true, problems: [] });
    const settings = await bg.settings.get();
    expect(settings).toMatchObject({ region: 'FR-35', regionPrompt: 'done', ignoredSites: ['zoom.us'] });
  });

  it('refuses a refresh when downloads are off, and a non-https source', async () => {
    await ask({ type: 'set-refresh-mode', mode: 'off' });
    await expect(ask({ type: 'refresh-directory' })).rejects.toThrow(/switched off/);
    await expect(ask({ type: 'set-directory-source', url: 'http://example.org/x.json' })).rejects.toThrow(/https/);
  });

  it('ignores a malformed request', async () => {
    expect(await ask({ type: 'dismiss-region-prompt!' })).toBeUndefined();
    expect(await ask({ type: 'set-region', region: 42 })).toBeUndefined();
  });
});

describe('badge', () => {
  it('names the service and the number of hosts near the user; nothing on an ignored site', async () => {
    await bg.report(3, DOCS);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toMatch(/^(\d+|•)$/);
    expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toMatch(/^Matou : vous êtes sur Google Docs\./);
    await ask({ type: 'ignore-site', host: 'docs.google.com' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('');
    await ask({ type: 'unignore-site', host: 'docs.google.com' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).not.toBe('');
  });
});
