// The Chromium launcher restarts a browser that started an extension with an empty message
// bundle; an extension that has no messages at all must not be taken for one.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasMessages } from '../../../scripts/lib/browsers/chromium';
import { makeEmptyExtension } from '../../../scripts/bench/pageload';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function extension(manifest: object, locales: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'matou-has-messages-'));
  made.push(dir);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, ...manifest }));
  if (locales) {
    mkdirSync(join(dir, '_locales', 'fr'), { recursive: true });
    writeFileSync(join(dir, '_locales', 'fr', 'messages.json'), '{}');
  }
  return dir;
}

describe('hasMessages', () => {
  it('is true for an extension with a default locale and its _locales', () => {
    expect(hasMessages(extension({ default_locale: 'fr' }, true))).toBe(true);
  });

  it('is false for an extension without _locales or without a default locale', () => {
    expect(hasMessages(extension({}, false))).toBe(false);
    expect(hasMessages(extension({}, true))).toBe(false);
  });

  it("is false for the bench's extension without code, made from Matou's manifest", () => {
    const source = extension(
      {
        default_locale: 'fr',
        content_scripts: [
          { matches: ['https://mail.google.com/*'], js: ['content.js'], run_at: 'document_start' },
        ],
      },
      true,
    );
    const empty = makeEmptyExtension(source);
    made.push(empty);
    expect(hasMessages(source)).toBe(true);
    expect(hasMessages(empty)).toBe(false);
  });
});
