// A badge is only ever drawn for a page that is catalogued now. A tab that left Gmail for a page
// Matou does not watch (no content script there) must stay quiet whatever makes Matou redraw its
// badges: a change of region, "never on this site", an import, a directory refresh, the weekly
// alarm. A tab that went from Gmail to another catalogued service shows that service. The tests
// share one browser: Zoom is "never on this site" from the second test on.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROME_DIST, launchMatou, type Matou } from '../../scripts/lib/browsers/chromium';
import { answerWelcome, chooseRegion } from '../../scripts/lib/browsers/matou-pages';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox';
const ZOOM = 'https://zoom.us/j/1234567890?pwd=abc';
const DISCORD = 'https://discord.com/channels/@me';
const DOCS = 'https://docs.google.com/document/d/1AbCdEf/edit';
const ELSEWHERE = 'https://example.org/';

let matou: Matou;
const files = mkdtempSync(join(tmpdir(), 'matou-stale-'));

beforeAll(async () => {
  matou = await launchMatou({ workerTrustsFakeWeb: true, extraHosts: ['matou.frama.io'] });
  await answerWelcome(matou, 'ille');
});

afterAll(async () => {
  await matou?.close();
  rmSync(files, { recursive: true, force: true });
});

/** A tab that showed Gmail (badge drawn), then left it for a page Matou does not watch. */
let left: { page: Page; tabId: number };
/** A tab still on a catalogued page: its badge comes back after a redraw, proving one ran. */
let control: { page: Page; tabId: number };

beforeEach(async () => {
  for (const page of matou.context.pages())
    if (!page.url().startsWith(matou.extensionUrl(''))) await page.close();
  left = await matou.visit(GMAIL);
  await matou.waitForBadge(left.tabId, (text) => text !== '');
  await left.page.goto(ELSEWHERE, { waitUntil: 'load' });
  await matou.waitForBadge(left.tabId, (text) => text === '');
  control = await matou.visit(DOCS);
  await matou.waitForBadge(control.tabId, (text) => text !== '');
  // Blank the control's badge by hand: only a redraw brings it back.
  const worker = await matou.worker();
  await worker.evaluate((tabId) => chrome.action.setBadgeText({ tabId, text: '' }), control.tabId);
});

/** After a trigger: the redraw ran (the control's badge is back) and the tab that left Gmail stayed quiet. */
async function expectOnlyCataloguedTabsRedrawn(): Promise<void> {
  await matou.waitForBadge(control.tabId, (text) => text !== '');
  const { text, title } = await matou.badge(left.tabId);
  expect(text).toBe('');
  expect(title).not.toMatch(/Gmail/);
}

test('a change of region redraws no badge on a tab that left Gmail', async () => {
  await chooseRegion(matou, 'FR-69');
  await expectOnlyCataloguedTabsRedrawn();
});

test('"never on this site" elsewhere redraws no badge on a tab that left Gmail', async () => {
  const zoom = await matou.visit(ZOOM);
  await matou.waitForBadge(zoom.tabId, (text) => text !== '');
  const popup = await matou.openPopup(zoom.tabId);
  await popup.getByRole('button', { name: /^(Jamais sur ce site|Never on this site)$/ }).click();
  await popup.locator('.notice[role=status]').waitFor();
  await popup.close();
  await matou.waitForBadge(zoom.tabId, (text) => text === '');
  await expectOnlyCataloguedTabsRedrawn();
});

test('an import redraws no badge on a tab that left Gmail', async () => {
  const file = join(files, 'settings.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'matou-settings',
      settings: { version: 1, region: 'FR-29', ignoredSites: ['x.com'] },
    }),
  );
  const options = await matou.openOptions();
  await options.locator('#import-file').setInputFiles(file);
  await options.locator('.import-result').filter({ hasText: /\S/ }).waitFor();
  await options.close();
  await expectOnlyCataloguedTabsRedrawn();
});

test('a directory refresh redraws no badge on a tab that left Gmail', async () => {
  servePublishedCopy('2027-02-01T08:00:00.000Z');
  const options = await matou.openOptions();
  await options.getByRole('button', { name: /^(Mettre à jour l'annuaire|Update the directory)$/ }).click();
  await options
    .locator('#directory .directory [role=status]')
    .filter({ hasText: /nouvelle copie|new copy/ })
    .waitFor();
  await options.close();
  await expectOnlyCataloguedTabsRedrawn();
});

test('the weekly alarm redraws no badge on a tab that left Gmail', async () => {
  servePublishedCopy('2027-02-02T08:00:00.000Z');
  const worker = await matou.worker();
  // The alarm the worker keeps for the weekly refresh, fired now (unpacked extensions may fire at once).
  await worker.evaluate(() => chrome.alarms.create('directory-refresh', { when: Date.now() + 10 }));
  await expectOnlyCataloguedTabsRedrawn();
});

test('a tab that went from Gmail to Discord shows Discord after a redraw', async () => {
  const { page, tabId } = await matou.visit(GMAIL);
  await matou.waitForBadge(tabId, (text) => text !== '');
  await page.goto(DISCORD, { waitUntil: 'load' });
  await expect.poll(async () => (await matou.badge(tabId)).title).toMatch(/Discord/);
  await chooseRegion(matou, 'FR-35');
  await matou.waitForBadge(control.tabId, (text) => text !== '');
  const { text, title } = await matou.badge(tabId);
  expect(text).not.toBe('');
  expect(title).toMatch(/Discord/);
  expect(title).not.toMatch(/Gmail/);
});

/** The default source answers with the bundled copy, newer. */
function servePublishedCopy(builtAt: string): void {
  const bundled = JSON.parse(readFileSync(join(CHROME_DIST, 'directory/snapshot.json'), 'utf8')) as object;
  matou.web.route('/matou/directory/snapshot.json', (_request, response) => {
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ ...bundled, builtAt }));
  });
}
