// Firefox ESR with the built extension (dist/firefox): the icon on the toolbar, the first-run
// question answered by typing and clicking, the badge and its tooltip on the catalogued services,
// cleared elsewhere and following in-page navigation. In French, as Firefox's UI is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIREFOX_DIST, launchFirefoxMatou, type FirefoxMatou } from '../../scripts/lib/browsers/firefox';
import { ENGLISH, FRENCH, SERVICES } from '../../scripts/lib/browsers/matou-pages';

let matou: FirefoxMatou;

beforeAll(async () => {
  matou = await launchFirefoxMatou({ locale: 'fr' });
});

afterAll(async () => {
  await matou?.close();
});

describe('Firefox ESR: the built extension', () => {
  test('its icon is on the toolbar, not in the Extensions menu', async () => {
    expect(JSON.parse(readFileSync(join(FIREFOX_DIST, 'manifest.json'), 'utf8')).action.default_area).toBe(
      'navbar',
    );
    expect(await matou.ext(() => browser.action.getUserSettings())).toEqual(
      expect.objectContaining({ isOnToolbar: true }),
    );
  });

  test('first run: the welcome question, in French, answered by typing and clicking', async () => {
    const page = matou.control;
    await page.bringToFront();
    await page.waitForSelector('#welcome-search');
    expect(await page.$eval('#welcome-title', (h) => h.textContent)).toBe(FRENCH.welcomeTitle);
    await page.type('#welcome-search', '35');
    const save = await page.waitForSelector(
      `::-p-xpath(//section[@id="welcome"]//button[normalize-space()="${FRENCH.save}"])`,
    );
    await save!.click();
    await page.waitForSelector('#region');
    expect(await page.$eval('#region', (section) => section.textContent)).toContain('Ille-et-Vilaine (35)');
  });

  test.each(SERVICES.map((s) => [s.name, s.url]))(
    '%s: a badge counting the hosts near the user, and its tooltip',
    async (name, url) => {
      const { page, tabId } = await matou.visit(url);
      const text = await matou.waitForBadge(tabId, (t) => t !== '');
      expect(text).toMatch(/^\d+$/);
      expect((await matou.badge(tabId)).title).toBe(FRENCH.tooltip(name, text));
      await page.close();
    },
  );

  test('a page that is not catalogued gets no badge, even in a tab that was on Gmail', async () => {
    const { page, tabId } = await matou.visit('https://mail.google.com/mail/u/0/#inbox');
    await matou.waitForBadge(tabId, (t) => t !== '');
    await page.goto('https://example.org/');
    await matou.waitForBadge(tabId, (t) => t === '');
    expect((await matou.badge(tabId)).title).toBe('Matou');
    await page.close();
  });

  test('in-page navigation from Docs to Sheets updates the badge tooltip', async () => {
    const { page, tabId } = await matou.visit('https://docs.google.com/document/d/1abc/edit');
    const docs = await matou.waitForBadge(tabId, (t) => t !== '');
    expect((await matou.badge(tabId)).title).toBe(FRENCH.tooltip('Google Docs', docs));
    await page.evaluate(() => history.pushState(null, '', '/spreadsheets/d/1abc/edit'));
    await expect
      .poll(async () => (await matou.badge(tabId)).title, { timeout: 10_000 })
      .toContain('Google Sheets');
    await page.close();
  });
});

describe('Firefox ESR in English', () => {
  let english: FirefoxMatou;
  beforeAll(async () => {
    english = await launchFirefoxMatou({ locale: 'en' });
  });
  afterAll(async () => {
    await english?.close();
  });

  test('the welcome question and the badge tooltip are in English', async () => {
    await english.control.waitForSelector('#welcome-title');
    expect(await english.control.$eval('#welcome-title', (h) => h.textContent)).toBe(ENGLISH.welcomeTitle);
    const { page, tabId } = await english.visit('https://zoom.us/j/1234567890?pwd=abc');
    const text = await english.waitForBadge(tabId, (t) => t !== '');
    expect((await english.badge(tabId)).title).toBe(ENGLISH.tooltip('Zoom', text));
    await page.close();
  });
});
