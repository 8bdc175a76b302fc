// Size is a feature: the content script runs on every catalogued page, the popup on every click,
// the background at every start of its worker.
// These limits fail the build when either grows past its budget (issue: speed close to zero cost).
import { describe, expect, test } from 'vitest';
import { measureBuild } from '../../scripts/lib/build-sizes';
import { CHROME_DIST, requireBuild } from '../../scripts/lib/browsers/chromium';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const FIREFOX_DIST = resolve(CHROME_DIST, '../firefox');
const CONTENT_SCRIPT_BUDGET = 4 * 1024;
const POPUP_BUDGET = 40 * 1024;
/** What a woken worker loads before it can draw a badge: its entry and every chunk it imports. */
const BACKGROUND_BUDGET = 150 * 1024;

describe.each([
  ['chrome', CHROME_DIST],
  ['firefox', FIREFOX_DIST],
])('%s build sizes', (_name, dist) => {
  test('content script under 4 KB and popup JavaScript under 40 KB, minified', () => {
    requireBuild(dist);
    const sizes = measureBuild(dist);
    const content = sizes.entries.find((e) => e.entry === 'content script 1');
    const popup = sizes.entries.find((e) => e.entry === 'popup');
    expect(content?.files).toHaveLength(1);
    expect(content?.bytes).toBeLessThan(CONTENT_SCRIPT_BUDGET);
    expect(popup?.bytes).toBeGreaterThan(0);
    expect(popup?.bytes).toBeLessThan(POPUP_BUDGET);
  });

  test('background under 150 KB with the chunks it imports at start, and none of the catalogue proofs', () => {
    requireBuild(dist);
    const background = measureBuild(dist).entries.find((e) => e.entry === 'background');
    expect(background?.bytes).toBeGreaterThan(0);
    expect(background?.bytes).toBeLessThan(BACKGROUND_BUDGET);
    for (const file of background?.files ?? []) {
      const code = readFileSync(resolve(dist, file), 'utf8');
      // Catalogue examples and look-alikes are for catalogue:check; the Public Suffix List's trie stays in Node.
      expect(code).not.toContain('lookalikes');
      expect(code).not.toMatch(/edgeChild|nodeFlags/);
    }
  });
});
