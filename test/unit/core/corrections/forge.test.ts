// The forge link: one template, under the URL length limit, decoding back to the exact text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FORGE,
  forgeIssueLink,
  MAX_FORGE_URL,
  TRUNCATION_MARKER,
} from '../../../../src/core/corrections/forge';
import { decodeForgeLink } from '../../../forge-link';

describe('forgeIssueLink', () => {
  it('opens the project’s new-issue page with the title and the description', () => {
    const link = forgeIssueLink('mail.google.com n’est pas Gmail', '### Service\n\ngmail (Gmail)\n');
    expect(link.url.startsWith('https://framagit.org/matou/matou/-/issues/new?issue[title]=')).toBe(true);
    expect(link.url).toContain('&issue[description]=');
    expect(link.truncated).toBe(false);
    expect(decodeForgeLink(link.url)).toEqual({
      title: 'mail.google.com n’est pas Gmail',
      body: '### Service\n\ngmail (Gmail)\n',
    });
  });

  it('the template lives in one place and names the project', () => {
    expect(FORGE.newIssueTemplate.startsWith(`${FORGE.project}/-/issues/new?`)).toBe(true);
  });

  it('keeps characters that mean something in a query (+ & = # % ?) as text', () => {
    const body = 'a+b & c=d #tag 100% ? é 🐱 `code` [x](y)';
    expect(decodeForgeLink(forgeIssueLink('t + t', body).url)).toEqual({ title: 't + t', body });
  });

  it('any text under the limit decodes back exactly', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.string({ unit: 'grapheme', maxLength: 500 }),
        (title, body) => {
          const link = forgeIssueLink(title, body);
          expect(link.url.length).toBeLessThanOrEqual(MAX_FORGE_URL);
          expect(decodeForgeLink(link.url)).toEqual({ title, body: link.body });
          if (!link.truncated) expect(link.body).toBe(body);
        },
      ),
    );
  });

  it('turns half a character (a lone surrogate) into U+FFFD instead of failing', () => {
    const link = forgeIssueLink('a\uD83D', 'b\uDC31c');
    expect(decodeForgeLink(link.url)).toEqual({ title: 'a\uFFFD', body: 'b\uFFFDc' });
  });

  it('cuts a body too long for a link, says so, and stays under the limit', () => {
    const body = `${'Ligne de détails accentuée é à ù.\n'.repeat(400)}FIN`;
    const link = forgeIssueLink('Titre', body, 'fr');
    expect(link.truncated).toBe(true);
    expect(link.url.length).toBeLessThanOrEqual(MAX_FORGE_URL);
    expect(link.url.length).toBeGreaterThan(MAX_FORGE_URL - 400);
    expect(link.body.endsWith(TRUNCATION_MARKER.fr)).toBe(true);
    expect(link.body).not.toContain('FIN');
    expect(body.startsWith(link.body.slice(0, -TRUNCATION_MARKER.fr.length))).toBe(true);
    expect(decodeForgeLink(link.url)?.body).toBe(link.body);
    expect(forgeIssueLink('Title', body, 'en').body.endsWith(TRUNCATION_MARKER.en)).toBe(true);
  });

  it('never splits a character written as two halves (emoji) when cutting', () => {
    const link = forgeIssueLink('t', '🐱'.repeat(3000));
    expect(link.truncated).toBe(true);
    const kept = link.body.slice(0, -TRUNCATION_MARKER.fr.length);
    expect(kept).toMatch(/^(🐱)+$/u);
  });
});
