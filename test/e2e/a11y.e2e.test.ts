// axe-core in Chromium on the popup (a catalogued service with hosts shown in full, a need with
// no host, a page that is not catalogued) and on the options page (first run and settings), in
// light and dark themes, and at 200 % zoom: zero violations.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchMatou, type Matou } from '../../scripts/lib/browsers/chromium';
import { answerWelcome, readPopup, runAxe } from '../../scripts/lib/browsers/matou-pages';

let matou: Matou;
const tabs: Record<string, number> = {};

beforeAll(async () => {
  matou = await launchMatou();
  for (const [name, url] of [
    ['docs', 'https://docs.google.com/document/d/1AbCdEf/edit'],
    // No member of the bundled copy offers maps.
    ['maps', 'https://www.google.com/maps/place/Lyon'],
    ['other', 'https://example.org/'],
  ] as const) {
    tabs[name] = (await matou.visit(url)).tabId;
  }
});

afterAll(async () => {
  await matou?.close();
});

async function expectNoViolations(page: Page) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = await runAxe(page);
    expect(violations, `${scheme}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  }
}

describe('axe-core: zero violations', () => {
  test('options page, first run (welcome question)', async () => {
    const page = await matou.openOptions();
    await page.locator('#welcome-search').waitFor();
    await page.locator('#welcome-search').fill('ille');
    await expectNoViolations(page);
    await page.close();
  });

  test('options page, all settings', async () => {
    await answerWelcome(matou, '35');
    const page = await matou.openOptions();
    await page.locator('#region').waitFor();
    await expectNoViolations(page);
    await page.close();
  });

  test('popup on Google Docs, every host shown, every detail open', async () => {
    const page = await matou.openPopup(tabs.docs!);
    await readPopup(page);
    while (await page.locator('button.more').count()) await page.locator('button.more').click();
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await expectNoViolations(page);
    await page.close();
  });

  test('popup on Google Maps (no host: the invitation to suggest one)', async () => {
    const page = await matou.openPopup(tabs.maps!);
    await page.locator('.empty').waitFor();
    await expectNoViolations(page);
    await page.close();
  });

  test('popup on a page that is not catalogued', async () => {
    const page = await matou.openPopup(tabs.other!);
    await readPopup(page);
    await expectNoViolations(page);
    await page.close();
  });
});

describe('keyboard and zoom', () => {
  test('the popup is usable with the keyboard alone: visible focus, in the visual order, the lead host first, silence reachable', async () => {
    const page = await matou.openPopup(tabs.docs!);
    await page.setViewportSize({ width: 400, height: 600 });
    await readPopup(page);
    const seen: Array<{ text: string; top: number }> = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return {
          text: el.textContent?.trim() ?? '',
          top: el.getBoundingClientRect().top + document.documentElement.scrollTop,
          outline: style.outlineStyle,
          width: parseFloat(style.outlineWidth),
          body: el === document.body,
        };
      });
      if (focused.body) break; // past the last stop
      expect(focused.outline, focused.text).not.toBe('none');
      expect(focused.width).toBeGreaterThanOrEqual(2);
      seen.push({ text: focused.text, top: focused.top });
    }
    // The host Matou leads with comes first: its one action, then "I use this one".
    expect(seen[0]?.text).toMatch(/^(Ouvrir|Open) /);
    expect(seen[1]?.text).toMatch(/^(J'utilise celui-ci|I use this one)$/);
    // Keyboard order is the visual order, top to bottom.
    for (let i = 1; i < seen.length; i++)
      expect(seen[i]!.top, seen[i]!.text).toBeGreaterThanOrEqual(seen[i - 1]!.top);
    // The silence actions are in the footer row, still reachable.
    const texts = seen.map((stop) => stop.text);
    expect(texts).toContainEqual(
      expect.stringMatching(/^(Pas maintenant sur ce site|Not now on this site)$/),
    );
    expect(texts).toContainEqual(expect.stringMatching(/^(Jamais sur ce site|Never on this site)$/));
    await page.close();
  });

  test('at 200 % zoom nothing needs horizontal scrolling', async () => {
    // Browser zoom scales CSS pixels: the toolbar popup keeps its 24rem (about 380 CSS px) and
    // the browser grows its window; a page in a tab gets half the CSS width. WCAG's reflow
    // criterion is content usable at 320 CSS px: the options page is checked there, the popup
    // at its own width, both with hosts and long texts shown.
    const checks: Array<[Page, number]> = [
      [await matou.openPopup(tabs.docs!), 384],
      // The popup's own page at 320 CSS px too (Firefox for Android shows it as a tab).
      [await matou.openPopup(tabs.docs!), 320],
      [await matou.openOptions(), 320],
    ];
    for (const [page, width] of checks) {
      await page.setViewportSize({ width, height: 700 });
      await page.locator('main:not([aria-busy])').waitFor();
      while (await page.locator('button.more').count()) await page.locator('button.more').click();
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, page.url()).toBeLessThanOrEqual(0);
      await page.close();
    }
  });

  test('axe itself sees a violation when there is one (the check can fail)', async () => {
    const page = await matou.openOptions();
    await page.locator('main:not([aria-busy])').waitFor();
    await page.evaluate(() => {
      const input = document.createElement('input');
      document.querySelector('main')!.append(input);
    });
    const violations = await runAxe(page);
    expect(violations.map((v) => v.id)).toContain('label');
    await page.close();
  });
});
