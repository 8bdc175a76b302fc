// @vitest-environment node
// The fast path never says yes to a snapshot the schema refuses or would change, on thousands of
// random edits of real and synthetic snapshots; and it does say yes to the files the pipeline
// writes, so that it is the path actually taken.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { syntheticFederation } from '../../../../scripts/bench/directory';
import { catalogue } from '../../../../src/catalogue/index';
import { normalizeFederation } from '../../../../src/core/directory/normalize';
import { snapshotSchema } from '../../../../src/core/directory/schema';
import { isPlainValidSnapshot } from '../../../../src/core/directory/snapshot-fast-path';

const BUNDLED = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../../public/directory/snapshot.json', import.meta.url)), 'utf8'),
) as unknown;
const SYNTHETIC = JSON.parse(
  JSON.stringify(
    normalizeFederation(syntheticFederation(12, 3), { catalogue, builtAt: new Date('2026-12-01T04:00:00Z') }),
  ),
) as unknown;

/** Every path to a value in `root` (object keys and array indexes). */
function paths(
  root: unknown,
  prefix: Array<string | number> = [],
  out: Array<Array<string | number>> = [],
): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(root)) root.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (root && typeof root === 'object')
    for (const [k, x] of Object.entries(root)) paths(x, [...prefix, k], out);
  return out;
}

const TRICKY: unknown[] = [
  '',
  ' ',
  'x',
  'a'.repeat(301),
  'a\u0000b',
  'a\u200bb',
  '\ud800',
  'javascript:alert(1)',
  'https://ok.example.org/',
  '/cgu',
  '//evil.example/',
  '/a b',
  'http://u:p@x.example/',
  'HOME',
  'home',
  'association',
  'FR',
  'fr',
  'FR-69',
  'FR-99',
  '2020-02-30',
  '2020-13-01',
  '2020-02-28',
  '2026-13-01T04:00:00Z',
  '2026-12-01T04:00:00.000Z',
  '2026-12-01T04:00:00+01:00',
  'liberapay',
  'bitcoin',
  'none',
  'full',
  'software',
  0,
  1,
  -1,
  1.5,
  91,
  -181,
  null,
  true,
  [],
  [{}],
  {},
  { kind: 'liberapay', url: 'https://l.example/' },
];

function edit(
  root: unknown,
  path: Array<string | number>,
  op: 'set' | 'delete' | 'extra',
  value: unknown,
): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  if (path.length === 0) return op === 'set' ? value : copy;
  let parent: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (op === 'set') parent[last] = value;
  else if (op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target))
      (target as Record<string, unknown>).unknownKey = value;
    else parent[last] = value;
  }
  return copy;
}

describe('the snapshot fast path', { timeout: 60_000 }, () => {
  it('says yes to the snapshots the pipeline writes (bundled, synthetic with trust facts)', () => {
    expect(isPlainValidSnapshot(BUNDLED)).toBe(true);
    expect(isPlainValidSnapshot(SYNTHETIC)).toBe(true);
    expect(v.safeParse(snapshotSchema, SYNTHETIC).success).toBe(true);
  });

  for (const [label, base] of [
    ['bundled', BUNDLED],
    ['synthetic', SYNTHETIC],
  ] as const) {
    it(`never accepts what the schema refuses or changes (random edits of the ${label} snapshot)`, () => {
      const all = paths(base);
      fc.assert(
        fc.property(
          fc.nat({ max: all.length - 1 }),
          fc.constantFrom('set', 'delete', 'extra'),
          fc.oneof(fc.constantFrom(...TRICKY), fc.string(), fc.integer(), fc.double()),
          (index, op, value) => {
            const edited = edit(base, all[index]!, op as 'set' | 'delete' | 'extra', value);
            if (!isPlainValidSnapshot(edited)) return;
            const checked = v.safeParse(snapshotSchema, edited);
            expect(checked.success).toBe(true);
            expect(checked.output).toEqual(edited);
          },
        ),
        { numRuns: 1000, seed: 12 },
      );
    });
  }

  it('never accepts what the schema refuses or changes (every field of a small snapshot, every tricky value)', () => {
    const small = structuredClone(SYNTHETIC) as { organizations: Array<{ facts?: unknown }> };
    small.organizations = small.organizations.filter((o) => o.facts !== undefined).slice(0, 3);
    expect(isPlainValidSnapshot(small)).toBe(true);
    let accepted = 0;
    for (const path of paths(small)) {
      for (const op of ['set', 'delete', 'extra'] as const) {
        for (const value of op === 'set' ? TRICKY : [TRICKY[2]]) {
          const edited = edit(small, path, op, value);
          if (!isPlainValidSnapshot(edited)) continue;
          accepted += 1;
          const checked = v.safeParse(snapshotSchema, edited);
          if (!checked.success || !isDeepStrictEqual(checked.output, edited)) {
            throw new Error(`fast path accepted ${op} ${JSON.stringify(value)} at ${path.join('.')}`);
          }
        }
      }
    }
    expect(accepted).toBeGreaterThan(100); // the equal-or-valid edits it does accept
  });

  it('says no to an unknown key (the schema would drop it), leaving the decision to the schema', () => {
    const withExtra = edit(SYNTHETIC, ['organizations', 0], 'extra', 'x');
    expect(isPlainValidSnapshot(withExtra)).toBe(false);
    expect(v.safeParse(snapshotSchema, withExtra).success).toBe(true);
  });
});
