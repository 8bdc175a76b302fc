// The background's components through their messages: the popup state (place labels, ranked-for
// region), the options requests, import merging, and the badge the tab watcher keeps, which is
// only ever drawn for a page a tab shows now.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, setLanguage } from '../../ui/fake-extension';
import { startBackground, type BackgroundDouble } from '../../ui/background-double';
import type { PopupState } from '../../../src/core/protocol';

vi.mock('webextension-polyfill', async () => ({
  default: (await import('../../ui/fake-extension')).fakeBrowser,
}));

const DOCS = 'https://docs.google.com/document/d/1AbCdEf/edit';
let bg: BackgroundDouble;
const ask = <T>(message: unknown) => fakeBrowser.runtime.sendMessage(message) as Promise<T>;

beforeEach(async () => {
  setLanguage('fr');
  bg = await startBackground({ pages: { 3: DOCS }, settings: { region: 'FR-35', regionPrompt: 'done' } });
});

describe('popup state', () => {
  it('carries the ranked-for region with its label, the refresh mode and place labels', async () => {
    const state = await ask<PopupState>({ type: 'get-popup-state', tabId: 3 });
    expect(state.rankedFor).toEqual({ code: 'FR-35', label: 'Ille-et-Vilaine (35)', guessed: false });
    expect(state.refreshMode).toBe('weekly');
    expect(state.best).toMatchObject({
      organization: { name: 'Infini (Internet Finistère)' },
      placeLabel: 'Brest, Finistère (29)',
    });
    expect(state.hosts.every((host) => host.place.known || host.placeLabel === null)).toBe(true);
  });

  it('labels the region in English for an English browser', async () => {
    setLanguage('en');
    const state = await ask<PopupState>({ type: 'get-popup-state', tabId: 3 });
    expect(state.best?.placeLabel).toBe('Brest, Finistère (29)');
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
    expect(await ask<{ guessedRegion: string }>({ type: 'get-options-state' })).toMatchObject({
      guessedRegion: 'CH',
    });
  });

  it('export gives a file the import reads back', async () => {
    await bg.settings.update((current) => ({ ...current, ignoredSites: ['zoom.us'] }));
    const file = await ask<{ format: string; settings: unknown }>({ type: 'export-settings' });
    expect(file.format).toBe('matou-settings');
    bg = await startBackground();
    const result = await ask<{ ok: boolean; problems: string[] }>({
      type: 'import-settings',
      text: JSON.stringify(file),
    });
    expect(result).toMatchObject({ ok: true, problems: [] });
    const settings = await bg.settings.get();
    expect(settings).toMatchObject({ region: 'FR-35', regionPrompt: 'done', ignoredSites: ['zoom.us'] });
  });

  it('refuses a refresh when downloads are off, and a non-https source', async () => {
    await ask({ type: 'set-refresh-mode', mode: 'off' });
    await expect(ask({ type: 'refresh-directory' })).rejects.toThrow(/switched off/);
    await expect(ask({ type: 'set-directory-source', url: 'http://example.org/x.json' })).rejects.toThrow(
      /https/,
    );
  });

  it('ignores a malformed request', async () => {
    expect(await ask({ type: 'dismiss-region-prompt!' })).toBeUndefined();
    expect(await ask({ type: 'set-region', region: 42 })).toBeUndefined();
  });
});

describe('badge', () => {
  const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

  it('counts the hosts near the user the popup lists, and names the service; nothing on an ignored site', async () => {
    await bg.report(3, DOCS);
    const { best, hosts } = await ask<PopupState>({ type: 'get-popup-state', tabId: 3 });
    const near = [best!, ...hosts].filter((host) => host.locality !== 'elsewhere').length;
    expect(near).toBeGreaterThan(1);
    expect(await badge(3)).toBe(String(near));
    expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toBe(
      `Matou : vous êtes sur Google Docs. ${near} hébergeurs CHATONS près de chez vous proposent une alternative libre.`,
    );
    await ask({ type: 'ignore-site', host: 'docs.google.com', tabId: 3 });
    expect(await badge(3)).toBe('');
    await ask({ type: 'unignore-site', host: 'docs.google.com' });
    expect(await badge(3)).toBe(String(near));
  });

  it('is never drawn again for a tab that left the catalogued page, whatever redraws the badges', async () => {
    await bg.report(3, DOCS);
    await bg.report(5, 'https://mail.google.com/mail/u/0/#inbox');
    expect(await badge(5)).not.toBe('');
    // Tab 5 goes to a page Matou does not watch: the browser clears its badge, no content script answers.
    bg.show(5, null);
    await fakeBrowser.action.setBadgeText({ tabId: 5, text: '' });
    await ask({ type: 'set-region', region: 'FR-29' });
    expect(await badge(5)).toBe('');
    await ask({ type: 'ignore-site', host: 'docs.google.com', tabId: 3 });
    await ask({ type: 'unignore-site', host: 'docs.google.com' });
    expect(await badge(5)).toBe('');
    await ask({ type: 'import-settings', text: JSON.stringify({ settings: { region: 'FR-35' } }) });
    expect(await badge(5)).toBe('');
    // The tab that still shows Docs was drawn again each time.
    expect(await badge(3)).not.toBe('');
  });

  it('is drawn without waiting for session storage writes (the tab map, the near counts)', async () => {
    const { session } = fakeBrowser.storage;
    const write = session.set.bind(session);
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    session.set = (async (items) => {
      await held;
      return write(items);
    }) as typeof session.set;
    try {
      const reported = bg.report(3, DOCS);
      await vi.waitFor(async () => expect(await badge(3)).toMatch(/^\d+$/));
      release();
      await reported;
      // Once written, the tab map has it: a popup opened later still knows the page.
      expect((await session.get('tabs')).tabs).toMatchObject({ 3: { service: 'google-docs' } });
    } finally {
      release();
      session.set = write;
    }
  });

  it('follows a tab to another catalogued service', async () => {
    await bg.report(5, 'https://mail.google.com/mail/u/0/#inbox');
    bg.show(5, 'https://zoom.us/j/1234567890');
    await ask({ type: 'set-region', region: 'FR-29' });
    expect(await fakeBrowser.action.getTitle({ tabId: 5 })).toMatch(/^Matou : vous êtes sur Zoom\./);
  });
});
