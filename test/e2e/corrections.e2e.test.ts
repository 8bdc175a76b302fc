// Corrections end to end in Chromium, with the built extension: on a mapped Gmail page, "this page
// is not Gmail" from the popup takes the badge away (at once and on reload); the correction
// survives a restart of the browser and an export/import round trip; the correction form's
// forge link decodes back to exactly the text its preview shows.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeWeb, type FakeWeb } from '../../scripts/lib/browsers/fake-web';
import { launchMatou, type Matou } from '../../scripts/lib/browsers/chromium';
import { answerWelcome } from '../../scripts/lib/browsers/matou-pages';

const GMAIL = 'https://mail.google.com/mail/u/0/?search=rendez-vous#inbox';
const ZOOM = 'https://zoom.us/j/1234567890?pwd=abc';
let matou: Matou;
let web: FakeWeb;
// One profile for the whole file: the restart below closes the browser and opens it again on it.
const profile = mkdtempSync(join(tmpdir(), 'matou-corrections-'));

beforeAll(async () => {
  web = await startFakeWeb();
  matou = await launchMatou({ web, profile });
  await answerWelcome(matou, 'ille');
});

afterAll(async () => {
  await matou?.close();
  await web?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** Reloads a page and waits until its content script has told the worker which page it shows. */
async function reloadAndSettle(page: Page, tabId: number): Promise<void> {
  await page.reload({ waitUntil: 'load' });
  // The popup asks the tab itself: once it answers, the page report has been handled too.
  const popup = await matou.openPopup(tabId);
  await popup.locator('main:not([aria-busy])').waitFor();
  await popup.close();
  await page.bringToFront();
}

async function storedCorrections(): Promise<{ exclusions: Array<{ id: string }> } | undefined> {
  const worker = await matou.worker();
  const got = await worker.evaluate(() => chrome.storage.local.get('corrections'));
  return got.corrections as { exclusions: Array<{ id: string }> } | undefined;
}

test('this page is not Gmail: the badge goes, stays gone on reload, after a browser restart and through export/import', async () => {
  let { page: gmail, tabId } = await matou.visit(GMAIL);
  await matou.waitForBadge(tabId, (text) => text !== '');

  // One click in the popup.
  const popup = await matou.openPopup(tabId);
  await popup.getByRole('button', { name: /^(Cette page n'est pas Gmail|This page is not Gmail)$/ }).click();
  await popup
    .locator('.notice[role=status]')
    .filter({ hasText: /mail\.google\.com/ })
    .waitFor();
  await matou.waitForBadge(tabId, (text) => text === '');
  await popup.close();

  // Reload: still quiet, and the popup says why.
  await reloadAndSettle(gmail, tabId);
  expect((await matou.badge(tabId)).text).toBe('');
  expect((await storedCorrections())?.exclusions.map((e) => e.id)).toEqual(['not:gmail@mail.google.com']);

  // Restart: the browser is closed and opened again on the same profile; the extension starts
  // afresh and reads its storage. (chrome.runtime.reload() unloads an extension loaded with
  // --load-extension for good in this Chromium, so a browser restart is the restart we can test.)
  await matou.close();
  matou = await launchMatou({ web, profile });
  ({ page: gmail, tabId } = await matou.visit(GMAIL));
  await reloadAndSettle(gmail, tabId);
  expect((await matou.badge(tabId)).text).toBe('');
  const reopened = await matou.openPopup(tabId);
  await reopened
    .locator('.notice[role=status]')
    .filter({ hasText: /mail\.google\.com/ })
    .waitFor();
  expect(await reopened.locator('h1').textContent()).toMatch(/Rien à signaler ici|Nothing to report here/);
  await reopened.close();
  // A control: detection itself still works after the restart.
  const { tabId: zoomTab } = await matou.visit(ZOOM);
  await matou.waitForBadge(zoomTab, (text) => text !== '');

  // Export, remove the correction (the badge comes back), import: gone again.
  const options = await matou.openOptions();
  await options.locator('#corrections').getByText('mail.google.com').waitFor();
  const downloading = options.waitForEvent('download');
  await options.getByRole('button', { name: /^(Exporter les réglages|Export settings)/ }).click();
  const download = await downloading;
  const exported = readFileSync((await download.path())!, 'utf8');
  expect(JSON.parse(exported).corrections.exclusions).toHaveLength(1);
  await options
    .locator('#corrections')
    .getByRole('button', { name: /mail\.google\.com/ })
    .click();
  await options
    .locator('#corrections')
    .getByText(/Correction retirée|Correction removed/)
    .waitFor();
  await gmail.bringToFront();
  await matou.waitForBadge(tabId, (text) => text !== '');
  expect((await storedCorrections())?.exclusions).toEqual([]);

  await options.bringToFront();
  await options.locator('#import-file').setInputFiles({
    name: 'matou-settings.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported),
  });
  await options.locator('.import-result').getByText(/./).first().waitFor();
  expect(await options.locator('.import-result').textContent()).not.toMatch(
    /partiel|partly|could not|n'ont pas pu/i,
  );
  await matou.waitForBadge(tabId, (text) => text === '');
  expect((await storedCorrections())?.exclusions.map((e) => e.id)).toEqual(['not:gmail@mail.google.com']);
  await options.close();
});

test('the forge link the form produces decodes back to the previewed text, and carries no path by default', async () => {
  const { tabId } = await matou.visit('https://docs.google.com/document/d/1SecretDocId/edit');
  await matou.waitForBadge(tabId, (text) => text !== '');
  const popup = await matou.openPopup(tabId);
  const href = await popup
    .getByRole('link', { name: /^(Suggérer une correction|Suggest a correction)$/ })
    .getAttribute('href');
  await popup.close();
  expect(href).toBe(`../options/index.html#correct?service=google-docs&host=docs.google.com&tab=${tabId}`);

  const form = await matou.context.newPage();
  await form.goto(new URL(href!, matou.extensionUrl('src/popup/index.html')).href);
  await form.locator('#correct-preview-body').waitFor();
  const read = async () => ({
    title: (await form.locator('#correct-preview-title').textContent()) ?? '',
    body: (await form.locator('#correct-preview-body').textContent()) ?? '',
    href: (await form.locator('a#correct-open-issue').getAttribute('href')) ?? '',
  });
  let preview = await read();
  expect(preview.body).toContain('docs.google.com');
  expect(preview.body).not.toContain('SecretDocId');
  const decode = (url: string) => {
    const params = new URL(url).searchParams;
    return { title: params.get('issue[title]'), body: params.get('issue[description]') };
  };
  expect(preview.href.startsWith('https://framagit.org/matou/matou/-/issues/new?')).toBe(true);
  expect(preview.href.length).toBeLessThanOrEqual(8000);
  expect(decode(preview.href)).toEqual({ title: preview.title, body: preview.body });

  // Ticked: the address comes from the tab, and the link still decodes to the preview.
  await form.locator('#correct-include-url').check();
  // Preact sets the field's value as a property, not an attribute: read it.
  await expect
    .poll(() => form.locator('#correct-pageUrl').inputValue(), { timeout: 5000 })
    .toContain('SecretDocId');
  await form
    .locator('#correct-details')
    .fill('Un document partagé par mon association : « Compte rendu » 🐱 & co.');
  preview = await read();
  expect(preview.body).toContain('https://docs.google.com/document/d/1SecretDocId/edit');
  expect(decode(preview.href)).toEqual({ title: preview.title, body: preview.body });
  await form.close();
});
