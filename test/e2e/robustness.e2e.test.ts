// Matou across the extension's life, in Chromium: a stopped service worker, in-page navigation,
// and many tabs opened and closed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchMatou, type Matou } from '../../scripts/lib/browsers/chromium';

let matou: Matou;

beforeAll(async () => {
  matou = await launchMatou();
});

afterAll(async () => {
  await matou?.close();
});

async function storedTabStates(): Promise<Record<string, { service: string }>> {
  const worker = await matou.worker();
  return worker.evaluate(
    async () =>
      ((await chrome.storage.session.get('tabs')).tabs ?? {}) as Record<string, { service: string }>,
  );
}

describe('robustness', () => {
  test('the worker is stopped between navigation and popup: the popup still shows the right service', async () => {
    const { page, tabId } = await matou.visit('https://docs.google.com/document/d/1abc/edit');
    await matou.waitForBadge(tabId, (text) => text !== '');
    await matou.stopWorker();
    // Let the browser really stop it.
    await new Promise((r) => setTimeout(r, 500));
    const popup = await matou.openPopup(tabId);
    await expect.poll(() => popup.locator('h1').first().textContent()).toContain('Google Docs');
    await popup.close();
    await page.close();
  });

  test('in-page navigation from Docs to Sheets updates the badge and the popup', async () => {
    const { page, tabId } = await matou.visit('https://docs.google.com/document/d/1abc/edit');
    await expect.poll(async () => (await matou.badge(tabId)).title).toContain('Google Docs');
    await page.evaluate(() => history.pushState(null, '', '/spreadsheets/d/1abc/edit'));
    await expect.poll(async () => (await matou.badge(tabId)).title).toContain('Google Sheets');
    const popup = await matou.openPopup(tabId);
    await expect.poll(() => popup.locator('h1').first().textContent()).toContain('Google Sheets');
    await popup.close();
    await page.close();
  });

  test('50 tabs on catalogued services: right badges, and no tab state left once closed', async () => {
    const urls = [
      'https://mail.google.com/mail/u/0/',
      'https://docs.google.com/document/d/x/edit',
      'https://zoom.us/j/1',
      'https://discord.com/channels/@me',
      'https://www.youtube.com/watch?v=x',
    ];
    const expectedName = ['Gmail', 'Google Docs', 'Zoom', 'Discord', 'YouTube'];
    for (let round = 0; round < 2; round += 1) {
      const opened = [];
      for (let i = 0; i < 50; i += 1) opened.push(await matou.visit(urls[i % urls.length] as string));
      for (const [i, { tabId }] of opened.entries()) {
        await expect
          .poll(async () => (await matou.badge(tabId)).title, { timeout: 5000 })
          .toContain(expectedName[i % urls.length]);
      }
      expect(Object.keys(await storedTabStates()).length).toBeGreaterThanOrEqual(50);
      for (const { page } of opened) await page.close();
      await expect.poll(async () => Object.keys(await storedTabStates()).length).toBe(0);
    }
  }, 180_000);
});
