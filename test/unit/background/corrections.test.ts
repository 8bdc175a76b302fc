// Local corrections in the background: "this page is not <service>" silences the badge and the
// popup at once (host or path), user hosts reach the popup, everything persists under its own
// key, export/import round-trips and merges, and bad requests are refused.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, setLanguage } from '../../ui/fake-extension';
import { startBackground, type BackgroundDouble } from '../../ui/background-double';
import type { CorrectionsState, ImportResult, PopupState, SettingsExport } from '../../../src/core/protocol';
import { CorrectionsStore } from '../../../src/background/corrections-store';

vi.mock('webextension-polyfill', async () => ({
  default: (await import('../../ui/fake-extension')).fakeBrowser,
}));

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox';
const MAPS = 'https://www.google.com/maps/place/Lyon';
const SEARCH = 'https://www.google.com/search?q=chatons';
let bg: BackgroundDouble;
const ask = <T>(message: unknown) => fakeBrowser.runtime.sendMessage(message) as Promise<T>;
const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

beforeEach(async () => {
  setLanguage('fr');
  bg = await startBackground({ pages: { 3: GMAIL }, settings: { region: 'FR-35', regionPrompt: 'done' } });
});

describe('this page is not <service>', () => {
  it('clears the badge at once, and the popup says why instead of naming the service', async () => {
    await bg.report(3, GMAIL);
    expect(await badge(3)).not.toBe('');
    const state = await ask<PopupState>({ type: 'exclude-page', tabId: 3 });
    expect(await badge(3)).toBe('');
    expect(state.detection).toBeNull();
    expect(state.excludedBy).toEqual({
      id: 'not:gmail@mail.google.com',
      service: { id: 'gmail', name: 'Gmail' },
      host: 'mail.google.com',
    });
    // A later page report (a reload) stays quiet too.
    await bg.report(3, 'https://mail.google.com/mail/u/1/');
    expect(await badge(3)).toBe('');
  });

  it('on a shared host, excludes only the path: Maps goes quiet, Search still shows', async () => {
    await bg.report(4, MAPS);
    const state = await ask<PopupState>({ type: 'exclude-page', tabId: 4 });
    expect(state.excludedBy).toMatchObject({ host: 'www.google.com', path: '/maps' });
    expect(await badge(4)).toBe('');
    await bg.report(5, SEARCH);
    expect(await badge(5)).not.toBe('');
    expect((await ask<PopupState>({ type: 'get-popup-state', tabId: 5 })).detection?.service.id).toBe(
      'google-search',
    );
  });

  it('undone from the popup: the badge and the detection come back', async () => {
    await bg.report(3, GMAIL);
    const excluded = await ask<PopupState>({ type: 'exclude-page', tabId: 3 });
    const state = await ask<PopupState>({ type: 'undo-exclusion', id: excluded.excludedBy!.id, tabId: 3 });
    expect(state.detection?.service.id).toBe('gmail');
    expect(state.excludedBy).toBeNull();
    expect(await badge(3)).not.toBe('');
  });

  it('is refused when the tab shows no catalogued page any more', async () => {
    bg.show(3, 'https://example.org/');
    await expect(ask({ type: 'exclude-page', tabId: 3 })).rejects.toThrow(/no longer shows/);
    bg.show(3, null);
    await expect(ask({ type: 'exclude-page', tabId: 3 })).rejects.toThrow(/no longer shows/);
  });

  it('from the options page: a host exclusion applies to open tabs at once', async () => {
    await bg.report(3, GMAIL);
    const state = await ask<CorrectionsState>({
      type: 'add-correction',
      correction: { kind: 'exclusion', service: 'gmail', host: 'MAIL.google.com' },
    });
    expect(state.corrections.exclusions.map((e) => e.id)).toEqual(['not:gmail@mail.google.com']);
    expect(await badge(3)).toBe('');
    await expect(
      ask({
        type: 'add-correction',
        correction: { kind: 'exclusion', service: 'no-such-service', host: 'a.example' },
      }),
    ).rejects.toThrow(/Unknown service/);
    await expect(
      ask({
        type: 'add-correction',
        correction: { kind: 'exclusion', service: 'gmail', host: 'not a host' },
      }),
    ).rejects.toThrow();
  });
});

describe('a host I know', () => {
  const host = {
    kind: 'user-host',
    category: 'email',
    name: 'Chaton du Coin',
    url: 'chaton.example',
    registration: 'member',
    place: 'Rennes',
  } as const;

  it('shows in the popup for that need, marked as the user’s, and not for another need', async () => {
    const state = await ask<CorrectionsState>({ type: 'add-correction', correction: host });
    expect(state.corrections.userHosts).toEqual([
      {
        id: 'host:email@https://chaton.example/',
        category: 'email',
        name: 'Chaton du Coin',
        url: 'https://chaton.example/',
        registration: 'member',
        place: 'Rennes',
        addedAt: expect.any(String),
      },
    ]);
    const popup = await ask<PopupState>({ type: 'get-popup-state', tabId: 3 });
    expect(popup.userHosts.map((h) => h.name)).toEqual(['Chaton du Coin']);
    bg.show(6, 'https://zoom.us/j/1');
    expect((await ask<PopupState>({ type: 'get-popup-state', tabId: 6 })).userHosts).toEqual([]);
    const removed = await ask<CorrectionsState>({
      type: 'remove-correction',
      id: 'host:email@https://chaton.example/',
    });
    expect(removed.corrections.userHosts).toEqual([]);
  });

  it('refuses an unknown need or an address that is not http(s)', async () => {
    await expect(ask({ type: 'add-correction', correction: { ...host, category: 'nope' } })).rejects.toThrow(
      /known need/,
    );
    await expect(
      ask({ type: 'add-correction', correction: { ...host, url: 'javascript:alert(1)' } }),
    ).rejects.toThrow(/http/);
    // Malformed requests are not even answered.
    expect(
      await ask({ type: 'add-correction', correction: { ...host, registration: 'gratis' } }),
    ).toBeUndefined();
    expect(await ask({ type: 'add-correction', correction: { kind: 'other' } })).toBeUndefined();
  });
});

describe('storage, export and import', () => {
  it('keeps corrections under their own key, read back by a new worker', async () => {
    await ask({
      type: 'add-correction',
      correction: { kind: 'exclusion', service: 'zoom', host: 'zoom.us' },
    });
    const stored = (await fakeBrowser.storage.local.get('corrections')).corrections as {
      version: number;
      exclusions: unknown[];
    };
    expect(stored.version).toBe(1);
    expect(stored.exclusions).toHaveLength(1);
    expect((await fakeBrowser.storage.local.get('settings')).settings).not.toHaveProperty('exclusions');
    const fresh = new CorrectionsStore();
    expect((await fresh.get()).exclusions.map((e) => e.id)).toEqual(['not:zoom@zoom.us']);
  });

  it('exports them with the settings, and an import on another device brings them back', async () => {
    await bg.report(3, GMAIL);
    await ask({ type: 'exclude-page', tabId: 3 });
    await ask({
      type: 'add-correction',
      correction: {
        kind: 'user-host',
        category: 'email',
        name: 'A',
        url: 'https://a.example/',
        registration: 'free',
      },
    });
    const file = await ask<SettingsExport>({ type: 'export-settings' });
    expect(file.corrections?.exclusions).toHaveLength(1);
    expect(file.corrections?.userHosts).toHaveLength(1);

    bg = await startBackground({ pages: { 3: GMAIL } });
    await ask({
      type: 'add-correction',
      correction: { kind: 'exclusion', service: 'zoom', host: 'zoom.us' },
    });
    await bg.report(3, GMAIL);
    expect(await badge(3)).not.toBe('');
    const result = await ask<ImportResult>({ type: 'import-settings', text: JSON.stringify(file) });
    expect(result).toMatchObject({ ok: true, problems: [] });
    const state = await ask<CorrectionsState>({ type: 'get-corrections' });
    // Merged: the one made here stays, the imported ones are added.
    expect(state.corrections.exclusions.map((e) => e.id)).toEqual([
      'not:zoom@zoom.us',
      'not:gmail@mail.google.com',
    ]);
    expect(state.corrections.userHosts).toHaveLength(1);
    expect(await badge(3)).toBe('');
  });

  it('an import keeps the good entries, reports the bad ones, loses nothing already here', async () => {
    await ask({
      type: 'add-correction',
      correction: { kind: 'exclusion', service: 'zoom', host: 'zoom.us' },
    });
    const text = JSON.stringify({
      format: 'matou-settings',
      settings: { version: 1, region: 'FR-69' },
      corrections: {
        version: 1,
        exclusions: [
          { service: 'gmail', host: 'mail.google.com' },
          { service: 'gmail', host: '???' },
          { service: 'retired-service', host: 'old.example' },
        ],
        userHosts: 'not a list',
      },
    });
    const result = await ask<ImportResult>({ type: 'import-settings', text });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(['corrections.exclusions[]', 'corrections.userHosts']);
    expect(result.settings.region).toBe('FR-69');
    const state = await ask<CorrectionsState>({ type: 'get-corrections' });
    expect(state.corrections.exclusions.map((e) => e.id)).toEqual([
      'not:zoom@zoom.us',
      'not:gmail@mail.google.com',
    ]);
  });

  it('a settings file from before corrections existed imports as before', async () => {
    const result = await ask<ImportResult>({
      type: 'import-settings',
      text: JSON.stringify({ format: 'matou-settings', settings: { version: 1, region: 'FR-35' } }),
    });
    expect(result).toMatchObject({ ok: true, problems: [] });
  });

  it('a directory refresh leaves them alone', async () => {
    await ask({
      type: 'add-correction',
      correction: { kind: 'exclusion', service: 'zoom', host: 'zoom.us' },
    });
    await ask({ type: 'refresh-directory' }).catch(() => undefined);
    expect(
      ((await fakeBrowser.storage.local.get('corrections')).corrections as { exclusions: unknown[] })
        .exclusions,
    ).toHaveLength(1);
  });
});

describe('the page address, only when asked', () => {
  it('is given for a watched tab, null otherwise', async () => {
    expect(await ask({ type: 'get-page-url', tabId: 3 })).toEqual({ url: GMAIL });
    expect(await ask({ type: 'get-page-url', tabId: 99 })).toEqual({ url: null });
    expect(await ask({ type: 'get-page-url', tabId: -1 })).toBeUndefined();
  });

  it('the popup state itself never carries it', async () => {
    const state = await ask<PopupState>({ type: 'get-popup-state', tabId: 3 });
    expect(JSON.stringify(state)).not.toContain('/mail/u/0');
  });
});
