// Size is a feature: the content script runs on every catalogued page, the popup on every click.
// These limits fail the build when either grows past its budget (issue: speed close to zero cost).
import { describe, expect, test } from 'vitest';
import { measureBuild } from '../../scripts/lib/build-sizes';
import { CHROME_DIST, requireBuild } from '../../scripts/lib/browsers/chromium';
import { resolve } from 'node:path';

const FIREFOX_DIST = resolve(CHROME_DIST, '../firefox');
const CONTENT_SCRIPT_BUDGET = 4 * 1024;
const POPUP_BUDGET = 40 * 1024;

describe.each([['chrome', CHROME_DIST], ['firefox', FIREFOX_DIST]])('%s build sizes', (_name, dist) => {
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
});
