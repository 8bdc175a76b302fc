// Silencing in Chromium: "never on this site" from the popup removes the badge, survives as a
// setting, and is undone from the options page; "not now" clears the badge for this session.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchMatou, type Matou } from '../../scripts/lib/browsers/chromium';
import { answerWelcome, readPopup } from '../../scripts/lib/browsers/matou-pages';

let matou: Matou;

beforeAll(async () => {
  matou = await launchMatou();
  await answerWelcome(matou, 'ille');
});

afterAll(async () => {
  await matou?.close();
});

test('never on this site: one click in the popup, undone in the options', async () => {
  const { tabId } = await matou.visit('https://discord.com/channels/@me');
  await matou.waitForBadge(tabId, (text) => text !== '');
  const popup = await matou.openPopup(tabId);
  await readPopup(popup);
  await popup.getByRole('button', { name: /^(Jamais sur ce site|Never on this site)$/ }).click();
  await popup.locator('.notice[role=status]').waitFor();
  await matou.waitForBadge(tabId, (text) => text === '');
  await popup.close();

  const options = await matou.openOptions();
  const remove = options.locator('#ignored').getByRole('button', { name: /discord\.com/ });
  await remove.click();
  await options
    .locator('#ignored')
    .getByText(/discord\.com (n'est plus ignoré|is no longer ignored)/)
    .waitFor();
  await options.close();
  await matou.waitForBadge(tabId, (text) => text !== '');
});

test('not now on this site: the badge goes, the setting list stays empty', async () => {
  const { tabId } = await matou.visit('https://zoom.us/j/1234567890?pwd=abc');
  await matou.waitForBadge(tabId, (text) => text !== '');
  const popup = await matou.openPopup(tabId);
  await readPopup(popup);
  await popup.getByRole('button', { name: /^(Pas maintenant sur ce site|Not now on this site)$/ }).click();
  await matou.waitForBadge(tabId, (text) => text === '');
  await popup.close();
  const settings = await (await matou.worker()).evaluate(() => chrome.storage.local.get('settings'));
  expect((settings.settings as { ignoredSites: string[] }).ignoredSites).toEqual([]);
});
