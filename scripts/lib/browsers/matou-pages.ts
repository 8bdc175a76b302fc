// Driving Matou's own pages: the first-run question and the region in the options (Chromium),
// the strings shown in each language, and reading what the popup shows and running axe in either
// browser. Shared by the end-to-end tests of both browsers, the demo and the benches.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { Matou } from './chromium';

export const SERVICES = [
  { name: 'Gmail', url: 'https://mail.google.com/mail/u/0/#inbox', slug: 'gmail' },
  { name: 'Google Docs', url: 'https://docs.google.com/document/d/1AbCdEf/edit', slug: 'google-docs' },
  { name: 'Zoom', url: 'https://zoom.us/j/1234567890?pwd=abc', slug: 'zoom' },
  { name: 'Discord', url: 'https://discord.com/channels/@me', slug: 'discord' },
] as const;

/** Strings the tests read on screen, in each UI language (from public/_locales). */
export const FRENCH = {
  welcomeTitle: 'Bienvenue dans Matou',
  save: 'Enregistrer',
  region: 'Dans votre région',
  near: 'Près de chez vous',
  elsewhere: 'Ailleurs',
  belgium: 'Belgique',
  tooltip: (service: string, count: string) =>
    count === '1'
      ? `Matou : vous êtes sur ${service}. 1 hébergeur CHATONS près de chez vous propose une alternative libre.`
      : `Matou : vous êtes sur ${service}. ${count} hébergeurs CHATONS près de chez vous proposent une alternative libre.`,
};
export const ENGLISH: typeof FRENCH = {
  welcomeTitle: 'Welcome to Matou',
  save: 'Save',
  region: 'In your region',
  near: 'Near you',
  elsewhere: 'Elsewhere',
  belgium: 'Belgium',
  tooltip: (service, count) =>
    count === '1'
      ? `Matou: you are on ${service}. 1 CHATONS host near you offers a free alternative.`
      : `Matou: you are on ${service}. ${count} CHATONS hosts near you offer a free alternative.`,
};

/** Answers the first-run question in the options page: France, the département found by `search`. */
export async function answerWelcome(matou: Matou, search: string): Promise<void> {
  const page = await matou.openOptions();
  // The country proposed is guessed from the browser's language and time zone (not France in English).
  await page.locator('#welcome-country').selectOption('FR');
  await page.locator('#welcome-search').fill(search);
  await page
    .locator('#welcome')
    .getByRole('button', { name: /^(Enregistrer|Save)$/ })
    .click();
  await page.locator('#region').waitFor();
  await page.close();
}

/** Sets the region from the options page's region section (`FR-69`, `BE`…). */
export async function chooseRegion(matou: Matou, code: string): Promise<void> {
  const page = await matou.openOptions();
  await page.locator('#region-country').waitFor();
  if (code.startsWith('FR-')) {
    await page.locator('#region-country').selectOption('FR');
    await page.locator('#region-departement').selectOption(code);
  } else {
    await page.locator('#region-country').selectOption(code);
  }
  await page
    .locator('#region')
    .getByRole('button', { name: /^(Enregistrer la région|Save the region)$/ })
    .click();
  await page.locator('#region [role=status]').filter({ hasText: /\S/ }).waitFor();
  await page.close();
}

export interface PopupReading {
  service: string;
  rankedFor: string;
  /** "group: host name", in the order shown: the host the popup leads with first, then the others. */
  hosts: string[];
  /** The host the popup leads with (the best one, or the user's own), its main button, and where they end on screen. */
  lead: null | {
    name: string;
    action: string;
    href: string;
    mine: boolean;
    nameBottom: number;
    actionBottom: number;
  };
}

/** Reads what the popup shows; runs inside the page (either browser), self-contained. */
export function readPopupDocument(doc: Document = document): PopupReading {
  const hosts: string[] = [];
  const card = doc.querySelector('.lead-host');
  const name = card?.querySelector('h3');
  const action = card?.querySelector<HTMLAnchorElement>('.button.primary');
  if (card && name)
    hosts.push(`${card.querySelector('.group-label')?.textContent ?? 'mine'}: ${name.textContent ?? ''}`);
  for (const group of doc.querySelectorAll('.hosts .group')) {
    const title = group.querySelector('h3')?.textContent ?? '';
    for (const host of group.querySelectorAll('h4')) hosts.push(`${title}: ${host.textContent ?? ''}`);
  }
  return {
    service: doc.querySelector('h1')?.textContent ?? '',
    rankedFor: doc.querySelector('.region-line')?.textContent ?? '',
    hosts,
    lead:
      card && name && action
        ? {
            name: name.textContent ?? '',
            action: action.textContent ?? '',
            href: action.href,
            mine: card.classList.contains('mine'),
            nameBottom: name.getBoundingClientRect().bottom + doc.documentElement.scrollTop,
            actionBottom: action.getBoundingClientRect().bottom + doc.documentElement.scrollTop,
          }
        : null,
  };
}

/** A selector that matches once the popup has rendered its hosts (or said it has none). */
export const POPUP_READY = 'main:not([aria-busy]) :is(.lead-host, .hosts, .empty, .region-line)';

/** Waits for the popup to have rendered its hosts (or said it has none) and reads it. */
export async function readPopup(page: Page): Promise<PopupReading> {
  await page.locator('main:not([aria-busy])').waitFor();
  await page.locator('.lead-host, .hosts, .empty, .region-line').first().waitFor();
  return page.evaluate(readPopupDocument as () => PopupReading);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page. Extension pages' CSP forbids injected <script> elements, so the
 * source is evaluated through the DevTools protocol (page.evaluate), which the CSP does not govern.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(axeInPage);
}

/** axe-core's source, to evaluate in a page before axeInPage. */
export const AXE_SOURCE = axeSource;

/** Runs axe (already evaluated in the page) on the document; either browser. */
export async function axeInPage(): Promise<AxeViolation[]> {
  const axe = (
    globalThis as unknown as {
      axe: {
        run: (
          context: Document,
          options: object,
        ) => Promise<{
          violations: Array<{
            id: string;
            impact: string | null;
            help: string;
            nodes: Array<{ target: string[] }>;
          }>;
        }>;
      };
    }
  ).axe;
  const result = await axe.run(document, { resultTypes: ['violations'] });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}
