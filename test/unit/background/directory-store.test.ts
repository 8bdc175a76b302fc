// The directory store in the background: a download replaces the copy in use, a failed one keeps
// it, and the copy's ETag is only ever sent back to the address it came from.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../../ui/fake-extension';
import { DirectoryStore } from '../../../src/background/directory-store';

vi.mock('webextension-polyfill', async () => ({
  default: (await import('../../ui/fake-extension')).fakeBrowser,
}));

const bundled = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../public/directory/snapshot.json'), 'utf8'),
) as { builtAt: string };
const SOURCE_A = 'https://matou.frama.io/matou/directory/snapshot.json';
const SOURCE_B = 'https://annuaire.example.org/snapshot.json';

interface Sent {
  url: string;
  ifNoneMatch: string | null;
}

/** A fake network: each address serves a newer copy with its own ETag, and honours If-None-Match. */
function network(down = new Set<string>()) {
  const sent: Sent[] = [];
  const tags: Record<string, string> = { [SOURCE_A]: '"a-1"', [SOURCE_B]: '"b-1"' };
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const ifNoneMatch = new Headers(init?.headers).get('If-None-Match');
    sent.push({ url, ifNoneMatch });
    if (down.has(url)) throw new TypeError('Failed to fetch');
    const etag = tags[url]!;
    if (ifNoneMatch === etag) return new Response(null, { status: 304, headers: { etag } });
    const body = JSON.stringify({
      ...bundled,
      builtAt: url === SOURCE_A ? '2027-01-04T08:00:00.000Z' : '2027-01-11T08:00:00.000Z',
    });
    return new Response(body, { status: 200, headers: { etag, 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { sent, fetchImpl };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('DirectoryStore refresh', () => {
  it('revalidates with the ETag at the same address, and never sends it to another one', async () => {
    const { sent, fetchImpl } = network();
    const store = new DirectoryStore(async () => bundled, fetchImpl);
    expect((await store.refresh(SOURCE_A)).lastCheck?.result).toBe('updated');
    expect((await store.refresh(SOURCE_A)).lastCheck?.result).toBe('not-modified');
    // The user switches the source: a full download from B, without A's tag.
    const fromB = await store.refresh(SOURCE_B);
    expect(fromB.lastCheck?.result).toBe('updated');
    expect(fromB.builtAt).toBe('2027-01-11T08:00:00.000Z');
    expect(sent).toEqual([
      { url: SOURCE_A, ifNoneMatch: null },
      { url: SOURCE_A, ifNoneMatch: '"a-1"' },
      { url: SOURCE_B, ifNoneMatch: null },
    ]);
  });

  it('after a restart, reads the tag and its address back from storage', async () => {
    const { sent, fetchImpl } = network();
    await new DirectoryStore(async () => bundled, fetchImpl).refresh(SOURCE_A);
    const restarted = new DirectoryStore(async () => bundled, fetchImpl);
    expect((await restarted.status()).origin).toBe('downloaded');
    await restarted.refresh(SOURCE_A);
    await restarted.refresh(SOURCE_B);
    expect(sent.map((s) => s.ifNoneMatch)).toEqual([null, '"a-1"', null]);
  });

  it('a cache written before addresses were kept sends its tag nowhere', async () => {
    await fakeBrowser.storage.local.set({
      directoryCache: { snapshot: { ...bundled, builtAt: '2027-01-03T00:00:00.000Z' }, etag: '"old"' },
    });
    const { sent, fetchImpl } = network();
    const store = new DirectoryStore(async () => bundled, fetchImpl);
    expect((await store.status()).builtAt).toBe('2027-01-03T00:00:00.000Z');
    await store.refresh(SOURCE_A);
    expect(sent).toEqual([{ url: SOURCE_A, ifNoneMatch: null }]);
  });

  it('a failed download keeps the copy in use and says why', async () => {
    const { fetchImpl } = network(new Set([SOURCE_B]));
    const store = new DirectoryStore(async () => bundled, fetchImpl);
    await store.refresh(SOURCE_A);
    const after = await store.refresh(SOURCE_B);
    expect(after.builtAt).toBe('2027-01-04T08:00:00.000Z');
    expect(after.origin).toBe('downloaded');
    expect(after.lastCheck).toMatchObject({ result: 'failed' });
    expect(after.lastCheck?.reason).toMatch(/Failed to fetch/);
  });
});

describe('DirectoryStore near counts (the badge number)', () => {
  it('a worker woken later counts without loading the directory again; a new copy or another region counts afresh', async () => {
    let loads = 0;
    const loadBundled = async () => {
      loads += 1;
      return bundled;
    };
    const first = new DirectoryStore(loadBundled, network().fetchImpl);
    const count = await first.nearCount('email', 'FR-35');
    expect(count).toBe(
      (await first.rank('email', 'FR-35')).filter((host) => host.locality !== 'elsewhere').length,
    );
    expect(loads).toBe(1);

    // The worker was stopped: a new store, the same session storage.
    const woken = new DirectoryStore(loadBundled, network().fetchImpl);
    expect(await woken.nearCount('email', 'FR-35')).toBe(count);
    expect(loads).toBe(1);

    // Another region is counted from the directory.
    expect(await woken.nearCount('email', 'BE')).toBe(
      (await woken.rank('email', 'BE')).filter((host) => host.locality !== 'elsewhere').length,
    );
    expect(loads).toBe(2);

    // A new copy forgets every count.
    await woken.refresh(SOURCE_A);
    expect(await fakeBrowser.storage.session.get('nearCounts')).toEqual({
      nearCounts: { region: '', byNeed: {} },
    });
  });

  it('ignores corrupt stored counts', async () => {
    await fakeBrowser.storage.session.set({
      nearCounts: { region: 'FR-35', byNeed: { email: -3, video: 'x' } },
    });
    const store = new DirectoryStore(async () => bundled, network().fetchImpl);
    expect(await store.nearCount('email', 'FR-35')).toBeGreaterThan(0);
  });
});
