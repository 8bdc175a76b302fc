import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, test, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

const gmail = { service: 'gmail', category: 'email', owner: 'google', host: 'mail.google.com' };
const docs = {
  service: 'google-docs',
  category: 'text-collaboration',
  owner: 'google',
  host: 'docs.google.com',
};

async function freshTabStates() {
  // A new module instance is what a restarted service worker gets.
  vi.resetModules();
  const { TabStates } = await import('../../../src/background/tab-states');
  return new TabStates();
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('TabStates', () => {
  test('remembers each tab and forgets closed ones', async () => {
    const tabs = await freshTabStates();
    await tabs.set(1, gmail);
    await tabs.set(2, docs);
    expect(await tabs.get(1)).toEqual(gmail);
    await tabs.set(1, null);
    expect(await tabs.get(1)).toBeNull();
    expect(await tabs.entries()).toEqual([[2, docs]]);
  });

  test('survives the worker being stopped (session storage)', async () => {
    await (await freshTabStates()).set(7, gmail);
    expect(await (await freshTabStates()).get(7)).toEqual(gmail);
  });

  test('ignores corrupt stored entries', async () => {
    await fakeBrowser.storage.session.set({ tabs: { 1: gmail, x: gmail, 2: { service: 3 }, 3: null } });
    const tabs = await freshTabStates();
    expect(await tabs.entries()).toEqual([[1, gmail]]);
  });

  test('retain drops the tabs that no longer exist', async () => {
    const tabs = await freshTabStates();
    for (const id of [1, 2, 3]) await tabs.set(id, gmail);
    await tabs.retain(new Set([2]));
    expect((await tabs.entries()).map(([id]) => id)).toEqual([2]);
  });
});
