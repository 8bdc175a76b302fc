// The early reads a woken worker starts at its first tick: one storage call per area, each value
// serving the first read of its key, never a value older than a write made since.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../../ui/fake-extension';

vi.mock('webextension-polyfill', async () => ({
  default: (await import('../../ui/fake-extension')).fakeBrowser,
}));

// A fresh module each time: the early values live in the module.
async function storage() {
  vi.resetModules();
  return import('../../../src/platform/storage');
}

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ settings: { version: 1, region: 'FR-35' }, corrections: { a: 1 } });
  await fakeBrowser.storage.session.set({ tabs: { 3: 'docs' } });
});

describe('readEarly', () => {
  it('asks each area once for all its keys, and the reads get their values from that call', async () => {
    const { readEarly, readLocal, readSession } = await storage();
    const localGet = vi.spyOn(fakeBrowser.storage.local, 'get');
    const sessionGet = vi.spyOn(fakeBrowser.storage.session, 'get');
    readEarly(['settings', 'corrections'], ['tabs', 'nearCounts']);
    expect(await readLocal('settings')).toEqual({ version: 1, region: 'FR-35' });
    expect(await readLocal('corrections')).toEqual({ a: 1 });
    expect(await readSession('tabs')).toEqual({ 3: 'docs' });
    expect(await readSession('nearCounts')).toBeUndefined();
    expect(localGet.mock.calls).toEqual([[['settings', 'corrections']]]);
    expect(sessionGet.mock.calls).toEqual([[['tabs', 'nearCounts']]]);
  });

  it('serves the first read only: a later read asks storage again', async () => {
    const { readEarly, readLocal } = await storage();
    readEarly(['settings'], []);
    expect(await readLocal('settings')).toEqual({ version: 1, region: 'FR-35' });
    await fakeBrowser.storage.local.set({ settings: { version: 1, region: 'BE' } });
    expect(await readLocal('settings')).toEqual({ version: 1, region: 'BE' });
  });

  it('never hands out a value older than a write made since', async () => {
    const { readEarly, readSession, writeSession } = await storage();
    readEarly([], ['tabs']);
    await writeSession('tabs', { 5: 'mail' });
    expect(await readSession('tabs')).toEqual({ 5: 'mail' });
  });

  it('leaves a failed early read to the read that comes for it', async () => {
    const { readEarly, readLocal } = await storage();
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage is gone'));
    readEarly(['settings'], []);
    await expect(readLocal('settings')).rejects.toThrow('storage is gone');
  });
});
