// Settings, read once per worker life and kept in memory; every write goes to storage first.
import { readSettings, type Settings, type SettingsDefaults } from '../core/settings';
import { readLocal, writeLocal } from '../platform/storage';

export class SettingsStore {
  private current: Promise<Settings> | null = null;

  constructor(
    private readonly defaults: SettingsDefaults,
    private readonly isRegion: (code: string) => boolean,
  ) {}

  get(): Promise<Settings> {
    this.current ??= readLocal('settings').then((raw) => {
      const { settings, dropped } = readSettings(raw, this.defaults, this.isRegion);
      if (dropped.length > 0)
        console.warn('Matou: settings fields reset to their defaults:', dropped.join(', '));
      return settings;
    });
    return this.current;
  }

  async update(change: (settings: Settings) => Settings): Promise<Settings> {
    const next = change(structuredClone(await this.get()));
    await writeLocal('settings', next);
    this.current = Promise.resolve(next);
    return next;
  }
}
