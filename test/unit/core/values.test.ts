import { describe, expect, test } from 'vitest';
import { isCatalogueId, isObject, migrateRecord } from '../../../src/core/values';

describe('isObject', () => {
  test('only plain records', () => {
    expect(isObject({})).toBe(true);
    expect([null, [], 'x', 3, undefined].map(isObject)).toEqual([false, false, false, false, false]);
  });
});

describe('isCatalogueId', () => {
  test('lower-case words joined by single hyphens, at most 80 characters', () => {
    expect(['gmail', 'google-docs', 'x1'].every(isCatalogueId)).toBe(true);
    expect(['Gmail', 'google--docs', '-x', 'x-', 'a b', 'a'.repeat(81), 42].some(isCatalogueId)).toBe(false);
  });
});

describe('migrateRecord', () => {
  const migrations = {
    0: (old: Record<string, unknown>) => ({ ...old, version: 1, b: old.a }),
    1: (old: Record<string, unknown>) => ({ ...old, version: 2, c: 'added' }),
  };

  test('brings an old record forward one step at a time', () => {
    const dropped: string[] = [];
    expect(migrateRecord({ a: 1 }, 2, migrations, dropped, 'version')).toEqual({
      a: 1,
      b: 1,
      version: 2,
      c: 'added',
    });
    expect(dropped).toEqual([]);
  });

  test('reads a newer record as the current version and says so', () => {
    const dropped: string[] = [];
    expect(migrateRecord({ version: 9, a: 1 }, 2, migrations, dropped, 'x.version')).toEqual({
      version: 9,
      a: 1,
    });
    expect(dropped).toEqual(['x.version']);
  });
});
