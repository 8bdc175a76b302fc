// The foundation's promise, in Debian's Chromium: Matou flags Gmail, stays silent elsewhere,
// and the popup shows what was detected. The built manifest asks for nothing it must not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_DIRECTORY_URL } from '../../src/core/directory/source';
import { CHROME_DIST, launchMatou, type Matou } from '../../scripts/lib/browsers/chromium';

let matou: Matou;

beforeAll(async () => {
  matou = await launchMatou();
});

afterAll(async () => {
  await matou?.close();
});

describe('Chromium: the built extension', () => {
  test('Gmail gets a badge and the popup names it', async () => {
    const { tabId } = await matou.visit('https://mail.google.com/mail/u/0/');
    const text = await matou.waitForBadge(tabId, (t) => t !== '');
    expect(text).not.toBe('');
    expect((await matou.badge(tabId)).title).toContain('Gmail');

    const popup = await matou.openPopup(tabId);
    await expect.poll(() => popup.locator('h1').first().textContent()).toContain('Gmail');
    await popup.close();
  });

  test('a page that is not catalogued gets no badge, even in a tab that was on Gmail', async () => {
    const { page, tabId } = await matou.visit('https://example.org/');
    await new Promise((r) => setTimeout(r, 500));
    expect((await matou.badge(tabId)).text).toBe('');

    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    await matou.waitForBadge(tabId, (t) => t !== '');
    await page.goto('https://example.org/');
    await matou.waitForBadge(tabId, (t) => t === '');

    const popup = await matou.openPopup(tabId);
    await expect.poll(() => popup.locator('h1').first().textContent()).not.toContain('Gmail');
    await popup.close();
  });

  test('the built manifest has no web_accessible_resources, tabs or all-sites access', () => {
    const manifest = JSON.parse(readFileSync(join(CHROME_DIST, 'manifest.json'), 'utf8'));
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    const asked = [
      ...(manifest.permissions ?? []),
      ...(manifest.host_permissions ?? []),
      ...(manifest.optional_permissions ?? []),
    ];
    expect(asked).not.toContain('tabs');
    // One host permission: the default directory source, so that its static host needs no CORS headers.
    expect(manifest.host_permissions).toEqual([`${new URL(DEFAULT_DIRECTORY_URL).origin}/*`]);
    // Chromium asks for nothing more (Firefox's manifest adds an optional one: see firefox-manifest.ts).
    expect(manifest.optional_host_permissions).toBeUndefined();
    const patterns = [
      ...asked,
      ...manifest.content_scripts.flatMap((cs: { matches: string[] }) => cs.matches),
    ];
    for (const pattern of patterns)
      expect(pattern).not.toMatch(
        /<all_urls>|^\*:\/\/\*\/|^https?:\/\/\*\/|^\*:\/\/\*\.\*|^https?:\/\/\*\.?\*?\/\*$/,
      );
  });
});
