// npm run demo — a headless tour of Matou in Chromium with the built extension: the first-run
// question (Finistère), then Gmail, Google Docs, Zoom and Discord (served by the local fake
// web, nothing leaves the machine), saving screenshots of the popup in light and dark themes
// (the first 600 px, as the toolbar shows it, and the whole page), of the options page, of the
// correction form, of the Gmail migration guide and of Gmail once "I use this one" was chosen,
// under docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchMatou } from './lib/browsers/chromium';
import { SERVICES, readPopup } from './lib/browsers/matou-pages';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');
/** The toolbar popup's width (24rem). */
const POPUP_WIDTH = 384;

async function shoot(page: Page, name: string, firstScreen = false): Promise<string[]> {
  const files: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const file = resolve(OUT, `${name}-${scheme}.png`);
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
    if (firstScreen) {
      const first = resolve(OUT, `${name}-first-screen-${scheme}.png`);
      await page.screenshot({ path: first });
      files.push(first);
    }
  }
  return files;
}

export async function demo(): Promise<string[]> {
  mkdirSync(OUT, { recursive: true });
  const matou = await launchMatou();
  const saved: string[] = [];
  try {
    // First run: the options page asks where the user is.
    const welcome = await matou.openOptions();
    await welcome.setViewportSize({ width: 900, height: 900 });
    await welcome.locator('#welcome-search').fill('finist');
    saved.push(...(await shoot(welcome, 'options-welcome')));
    await welcome
      .locator('#welcome')
      .getByRole('button', { name: /^(Enregistrer|Save)$/ })
      .click();
    await welcome.locator('#region').waitFor();
    await welcome.close();

    for (const service of SERVICES) {
      const { page: site, tabId } = await matou.visit(service.url);
      await matou.waitForBadge(tabId, (text) => text !== '');
      const popup = await matou.openPopup(tabId);
      await popup.setViewportSize({ width: POPUP_WIDTH, height: 600 });
      const reading = await readPopup(popup);
      process.stdout.write(
        `${service.name}: leads with ${reading.lead?.name ?? 'no host'} ("${reading.lead?.action ?? ''}", ` +
          `ends at ${reading.lead?.actionBottom ?? '-'} px), ${reading.hosts.length} hosts shown first ` +
          `(${reading.rankedFor.trim()})\n`,
      );
      saved.push(...(await shoot(popup, `popup-${service.slug}`, true)));
      await popup.close();
      await site.close();
    }

    const options = await matou.openOptions();
    await options.setViewportSize({ width: 900, height: 900 });
    await options.locator('#region').waitFor();
    saved.push(...(await shoot(options, 'options')));
    await options.close();

    // "Suggest a correction" from the popup on Google Docs: the form and its preview.
    const { page: docs, tabId } = await matou.visit(SERVICES[1].url);
    await matou.waitForBadge(tabId, (text) => text !== '');
    const popup = await matou.openPopup(tabId);
    const href = await popup
      .getByRole('link', { name: /^(Suggérer une correction|Suggest a correction)$/ })
      .getAttribute('href');
    await popup.close();
    const form = await matou.context.newPage();
    await form.setViewportSize({ width: 900, height: 900 });
    await form.goto(new URL(href ?? '', matou.extensionUrl('src/popup/index.html')).href);
    await form.locator('#correct-preview-body').waitFor();
    saved.push(...(await shoot(form, 'correction')));
    await form.close();
    await docs.close();

    // "How to move from Gmail — 5 steps" from the popup on Gmail: the guide view.
    const { page: mail, tabId: mailTab } = await matou.visit(SERVICES[0].url);
    await matou.waitForBadge(mailTab, (text) => text !== '');
    const mailPopup = await matou.openPopup(mailTab);
    const guideHref = await mailPopup.locator('.guide-link a').getAttribute('href');
    await mailPopup.close();
    const guide = await matou.context.newPage();
    await guide.setViewportSize({ width: 900, height: 900 });
    await guide.goto(new URL(guideHref ?? '', matou.extensionUrl('src/popup/index.html')).href);
    await guide.locator('main.guide:not([aria-busy]) ol.guide-steps').waitFor();
    saved.push(...(await shoot(guide, 'guide-gmail')));
    await guide.close();

    // "I use this one" on Gmail: the popup then leads with the user's host (and the badge says so).
    const chosen = await matou.openPopup(mailTab);
    await chosen.setViewportSize({ width: POPUP_WIDTH, height: 600 });
    await readPopup(chosen);
    await chosen
      .locator('.lead-host')
      .getByRole('button', { name: /^(J'utilise celui-ci|I use this one)$/ })
      .click();
    await chosen.locator('.lead-host.mine').waitFor();
    await chosen.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    saved.push(...(await shoot(chosen, 'popup-gmail-my-host', true)));
    const badge = await matou.badge(mailTab);
    process.stdout.write(`Gmail after "I use this one": badge "${badge.text}", ${badge.title}\n`);
    await chosen.close();
    await mail.close();
  } finally {
    await matou.close();
  }
  return saved;
}

demo().then(
  (files) => {
    process.stdout.write(`\n${files.length} screenshots:\n${files.map((f) => `  ${f}`).join('\n')}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`demo failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
