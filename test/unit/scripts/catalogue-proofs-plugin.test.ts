import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { withoutProofs } from '../../../scripts/lib/catalogue-proofs-plugin';

it('drops the examples and look-alikes of a service file, and nothing else', () => {
  const text = readFileSync(
    resolve(import.meta.dirname, '../../../src/catalogue/services/gmail.json'),
    'utf8',
  );
  const full = JSON.parse(text) as Record<string, unknown>;
  const built = JSON.parse(withoutProofs(text)) as Record<string, unknown>;
  expect(full.examples).toBeDefined();
  expect(full.lookalikes).toBeDefined();
  const { examples: _examples, lookalikes: _lookalikes, ...rest } = full;
  expect(built).toEqual(rest);
});
