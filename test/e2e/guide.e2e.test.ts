// A migration guide in Chromium: on Gmail, the popup's "How to move from Gmail — 5 steps" is
// reachable with the keyboard and opens the guide in the extension's own page, whose steps link,
// over https, to official documentation pages; axe finds nothing to fix there, in light and dark,
// and the page reflows at 320 CSS px.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROME_DIST, launchMatou, requireBuild, type Matou } from '../../scripts/lib/browsers/chromium';
import { measureBuild } from '../../scripts/lib/build-sizes';
import { answerWelcome, runAxe } from '../../scripts/lib/browsers/matou-pages';
import { isDocumentationUrl, type Guide } from '../../src/core/guides';

const gmail = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../src/catalogue/guides/gmail.json'), 'utf8'),
) as Guide;
const LINK = /^(Comment déménager de Gmail — 5 étapes|How to move from Gmail — 5 steps)$/;

let matou: Matou;
let tabId: number;

beforeAll(async () => {
  matou = await launchMatou();
  ({ tabId } = await matou.visit('https://mail.google.com/mail/u/0/#inbox'));
  await matou.waitForBadge(tabId, (text) => text !== '');
  await answerWelcome(matou, '29');
});

afterAll(async () => {
  await matou?.close();
});

async function openGuideFromPopup(): Promise<Page> {
  const popup = await matou.openPopup(tabId);
  const link = popup.getByRole('link', { name: LINK });
  await link.waitFor();
  const opened = matou.context.waitForEvent('page');
  await link.click();
  const guide = await opened;
  await guide.locator('main.guide:not([aria-busy])').waitFor();
  await popup.close();
  return guide;
}

describe.each([
  ['chrome', CHROME_DIST],
  ['firefox', resolve(CHROME_DIST, '../firefox')],
])('%s build', (_name, dist) => {
  test('the guides load on demand: none of their text is in the popup’s or the options page’s JavaScript', () => {
    requireBuild(dist);
    const sizes = measureBuild(dist);
    for (const entry of ['popup', 'options']) {
      const files = sizes.entries.find((e) => e.entry === entry)?.files ?? [];
      expect(files.length, entry).toBeGreaterThan(0);
      const code = files.map((file) => readFileSync(resolve(dist, file), 'utf8')).join('\n');
      for (const step of gmail.steps) {
        expect(code.includes(step.text.en), `${entry}: ${step.text.en}`).toBe(false);
        expect(code.includes(step.source.url), `${entry}: ${step.source.url}`).toBe(false);
      }
    }
  });
});

describe('the Gmail guide, from the popup', () => {
  test('the link is keyboard-reachable, right after the lead host and before the long lists', async () => {
    const popup = await matou.openPopup(tabId);
    await popup.getByRole('link', { name: LINK }).waitFor();
    let reached = -1;
    for (let i = 1; i <= 8 && reached < 0; i++) {
      await popup.keyboard.press('Tab');
      if (await popup.evaluate(() => document.activeElement?.closest('.guide-link') !== null)) reached = i;
    }
    // Right after the host Matou leads with (its action, "I use this one"), before every list.
    expect(reached).toBe(3);
    await popup.close();
  });

  test('opens in the extension’s page: five steps, each linking over https to its official documentation', async () => {
    const page = await openGuideFromPopup();
    expect(page.url()).toBe(matou.extensionUrl(`src/options/index.html#guide?service=gmail&tab=${tabId}`));
    await expect(page.locator('h1').textContent()).resolves.toMatch(
      /^(Déménager de Gmail|How to move from Gmail)$/,
    );
    const steps = await page.locator('ol.guide-steps > li').evaluateAll((items) =>
      items.map((li) => ({
        title: li.querySelector('h3')?.textContent ?? '',
        links: [...li.querySelectorAll('a')].map((a) => ({ href: a.href, target: a.target, rel: a.rel })),
      })),
    );
    expect(steps).toHaveLength(5);
    steps.forEach((step, i) => {
      expect([gmail.steps[i]!.title.fr, gmail.steps[i]!.title.en]).toContain(step.title);
      expect(step.links.map((l) => l.href)).toEqual([gmail.steps[i]!.source.url]);
      for (const link of step.links) {
        expect(link.href.startsWith('https://'), link.href).toBe(true);
        expect(isDocumentationUrl(link.href), link.href).toBe(true);
        expect(link.target).toBe('_blank');
        expect(link.rel).toBe('noopener noreferrer');
      }
    });
    // Honest about what stays behind.
    expect(await page.locator('ul.guide-lost > li').count()).toBe(gmail.notCarriedOver.length);
    await page.close();
  });

  test('axe: zero violations in light and dark; reflows at 320 CSS px', async () => {
    const page = await openGuideFromPopup();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await runAxe(page);
      expect(violations, `${scheme}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    }
    await page.setViewportSize({ width: 320, height: 700 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
