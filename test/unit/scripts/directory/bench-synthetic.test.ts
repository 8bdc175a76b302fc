// @vitest-environment node
// bench:directory compares the 10× snapshot with and without trust facts: the two must be the
// same directory but for the facts, or the size growth it reports means nothing.
import { describe, expect, it } from 'vitest';
import { syntheticFederation } from '../../../../scripts/bench/directory';
import { catalogue } from '../../../../src/catalogue/index';
import { normalizeFederation } from '../../../../src/core/directory/normalize';
import type { DirectorySnapshot } from '../../../../src/core/directory/schema';

const builtAt = new Date('2026-12-01T00:00:00Z');
const build = (facts: boolean) =>
  normalizeFederation(syntheticFederation(40, 7, { facts }), { catalogue, builtAt });

/** The snapshot with every `facts` object and the warnings about facts taken out. */
function withoutFacts(snapshot: DirectorySnapshot): unknown {
  const copy = structuredClone(snapshot);
  for (const org of copy.organizations) {
    delete org.facts;
    for (const service of org.services) delete service.facts;
  }
  return { ...copy, warnings: [], counts: { ...copy.counts, warnings: 0 } };
}

describe('the synthetic directory of bench:directory', () => {
  it('without trust facts is the same directory, facts aside', () => {
    const plain = build(false);
    const rich = build(true);
    expect(plain.organizations.some((o) => o.facts || o.services.some((s) => s.facts))).toBe(false);
    expect(rich.organizations.filter((o) => o.facts).length).toBeGreaterThan(20);
    expect(withoutFacts(rich)).toEqual(withoutFacts(plain));
  });
});
