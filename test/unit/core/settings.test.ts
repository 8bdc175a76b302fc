import { describe, expect, test } from 'vitest';
import {
  defaultSettings,
  importSettings,
  readSettings,
  SETTINGS_VERSION,
  withIgnoredSite,
} from '../../../src/core/settings';

const defaults = { directoryUrl: 'https://directory.example/snapshot.json' };
const isRegion = (code: string) => ['FR', 'FR-35', 'FR-BRE', 'BE'].includes(code);
const read = (raw: unknown) => readSettings(raw, defaults, isRegion);

describe('readSettings', () => {
  test('nothing stored gives the defaults, with nothing reported', () => {
    expect(read(undefined)).toEqual({ settings: defaultSettings(defaults), dropped: [] });
  });

  test('valid settings come back as they were', () => {
    const stored = {
      version: SETTINGS_VERSION,
      region: 'FR-35',
      regionPrompt: 'done',
      directory: { url: 'https://other.example/d.json', refresh: 'manual' },
      ignoredSites: ['mail.google.com'],
    };
    expect(read(stored)).toEqual({ settings: stored, dropped: [] });
  });

  test('a corrupt field falls back to its default and the valid ones stay', () => {
    const { settings, dropped } = read({
      version: 1,
      region: 'XX-999',
      directory: { url: 'javascript:alert(1)', refresh: 'manual' },
      ignoredSites: ['zoom.us', 42, 'not a host!', 'ZOOM.US.'],
    });
    expect(settings.region).toBeNull();
    expect(settings.directory).toEqual({ url: defaults.directoryUrl, refresh: 'manual' });
    expect(settings.ignoredSites).toEqual(['zoom.us']);
    expect(dropped).toEqual(['region', 'directory.url', 'ignoredSites[]']);
  });

  test('every field falls back on its own: unknown prompt state, refresh mode, a directory or list of the wrong type', () => {
    expect(
      read({
        version: 1,
        region: 'BE',
        regionPrompt: 'maybe',
        directory: { url: 'https://other.example/d.json', refresh: 'hourly' },
      }),
    ).toEqual({
      settings: {
        ...defaultSettings(defaults),
        region: 'BE',
        directory: { url: 'https://other.example/d.json', refresh: 'weekly' },
      },
      dropped: ['regionPrompt', 'directory.refresh'],
    });
    expect(
      read({
        version: 1,
        region: 'FR-35',
        directory: 'https://other.example/d.json',
        ignoredSites: 'zoom.us',
      }),
    ).toEqual({
      settings: { ...defaultSettings(defaults), region: 'FR-35', regionPrompt: 'done' },
      dropped: ['directory', 'ignoredSites'],
    });
  });

  test.each([['a string'], [42], [[1, 2]], [true]])('garbage (%j) gives the defaults', (raw) => {
    expect(read(raw).settings).toEqual(defaultSettings(defaults));
    expect(read(raw).dropped).toEqual(['settings']);
  });

  test('an http: directory source is refused (only https)', () => {
    expect(
      read({ version: 1, directory: { url: 'http://directory.example/x.json' } }).settings.directory.url,
    ).toBe(defaults.directoryUrl);
  });

  test('version 0 (no version, `ignored` list) migrates to version 1', () => {
    const { settings, dropped } = read({ region: 'fr-bre', ignored: ['discord.com'] });
    expect(settings).toEqual({
      ...defaultSettings(defaults),
      region: 'FR-BRE',
      regionPrompt: 'done',
      ignoredSites: ['discord.com'],
    });
    expect(dropped).toEqual([]);
  });

  test('settings from a newer version keep what still reads', () => {
    const { settings, dropped } = read({ version: 99, region: 'BE', futureField: { a: 1 } });
    expect(settings.region).toBe('BE');
    expect(dropped).toEqual(['version']);
  });
});

describe('withIgnoredSite', () => {
  const base = defaultSettings(defaults);
  test('adds a site once, sorted, and removes it', () => {
    const one = withIgnoredSite({ ...base, ignoredSites: ['zoom.us'] }, 'discord.com', true);
    expect(one.ignoredSites).toEqual(['discord.com', 'zoom.us']);
    expect(withIgnoredSite(one, 'discord.com', true).ignoredSites).toEqual(['discord.com', 'zoom.us']);
    expect(withIgnoredSite(one, 'zoom.us', false).ignoredSites).toEqual(['discord.com']);
    expect(base.ignoredSites).toEqual([]);
  });
});

describe('importSettings', () => {
  const current = {
    ...defaultSettings(defaults),
    region: 'BE',
    regionPrompt: 'done' as const,
    ignoredSites: ['zoom.us'],
  };

  test('takes what the file holds and is valid, merges ignored sites, keeps the rest', () => {
    const file = {
      format: 'matou-settings',
      settings: { version: 1, region: 'FR-35', ignoredSites: ['x.com', 'zoom.us'] },
    };
    expect(importSettings(file, current, defaults, isRegion)).toEqual({
      settings: { ...current, region: 'FR-35', regionPrompt: 'done', ignoredSites: ['x.com', 'zoom.us'] },
      problems: [],
    });
  });

  test('bare settings (no export wrapper) are read too; a bad field is reported and leaves the current value', () => {
    const { settings, problems } = importSettings(
      { region: 'XX-1', directory: { url: 'https://d.example/s.json', refresh: 'off' } },
      current,
      defaults,
      isRegion,
    );
    expect(problems).toEqual(['region']);
    expect(settings.region).toBe('BE');
    expect(settings.directory).toEqual({ url: 'https://d.example/s.json', refresh: 'off' });
  });

  test('something that is not settings changes nothing', () => {
    expect(importSettings([1, 2], current, defaults, isRegion)).toEqual({
      settings: current,
      problems: ['notSettings'],
    });
    expect(importSettings({ settings: 'x' }, current, defaults, isRegion)).toEqual({
      settings: current,
      problems: ['notSettings'],
    });
  });
});
