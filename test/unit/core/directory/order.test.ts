// @vitest-environment node
// The host order (name without case or accents, then id): the build writes it, the index checks
// it and sorts only what is not in it.
import { describe, expect, it } from 'vitest';
import { byKey, inHostOrder, sortInHostOrder, sortKey } from '../../../../src/core/directory/order';
import { normalizeFederation } from '../../../../src/core/directory/normalize';
import { syntheticFederation } from '../../../../scripts/bench/directory';
import { catalogue } from '../../../../src/catalogue/index';

const named = (...pairs: Array<[string, string]>) => pairs.map(([id, name]) => ({ id, name }));

describe('host order', () => {
  it('compares names without case or accents, then ids', () => {
    expect(sortKey('Écolo Hébergeur')).toBe('ecolo hebergeur');
    const list = named(['b', 'zeta'], ['c', 'Écolo'], ['a', 'ecolo'], ['d', 'Alpha']);
    expect(inHostOrder(list).map((x) => x.id)).toEqual(['d', 'a', 'c', 'b']);
    expect(list.map((x) => x.id)).toEqual(['b', 'c', 'a', 'd']); // a sorted copy, the list untouched
  });

  it('gives back the list itself when it is already in order', () => {
    const sorted = named(['a', 'Alpha'], ['b', 'alpha'], ['c', 'Beta']);
    expect(inHostOrder(sorted)).toBe(sorted);
    expect(inHostOrder([])).toEqual([]);
    // equal names and ids are not "in order": sorted (stably) rather than trusted
    const twice = named(['a', 'x'], ['a', 'x']);
    expect(inHostOrder(twice)).not.toBe(twice);
  });

  it('sorts in place for the build', () => {
    const list = named(['2', 'b'], ['1', 'a']);
    sortInHostOrder(list);
    expect(list.map((x) => x.id)).toEqual(['1', '2']);
  });

  it('is the order the build writes organisations and services in', () => {
    const snapshot = normalizeFederation(syntheticFederation(30, 5), {
      catalogue,
      builtAt: new Date('2026-12-01T00:00:00Z'),
    });
    expect(inHostOrder(snapshot.organizations)).toBe(snapshot.organizations);
    for (const org of snapshot.organizations) expect(inHostOrder(org.services)).toBe(org.services);
    // services are named apart from their ids (svc-0…): the build did sort them
    const ids = snapshot.organizations[0]!.services.map((s) => s.id);
    expect(ids).not.toEqual([...ids].sort());
  });
});

describe('category counts order (byKey)', () => {
  it("sorts the catalogue's category ids as localeCompare does, and ids of the pattern's edge cases", () => {
    const ids = [...catalogue.categories.map((c) => c.id), 'a-b', 'ab', 'a0', 'a-0', '0a', 'z', 'a--b'];
    const entries = ids.map((id) => [id, 0] as const);
    const byLocale = [...entries].sort((a, b) => a[0].localeCompare(b[0])).map(([id]) => id);
    expect([...entries].sort(byKey).map(([id]) => id)).toEqual(byLocale);
  });
});
