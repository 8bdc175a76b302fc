// The one rule for untrusted text and addresses, as each reader uses it.
import { describe, expect, it } from 'vitest';
import { cleanLine, normaliseHostUrl } from '../../../src/core/corrections/local';
import { isHttpsUrl } from '../../../src/core/settings';
import { safeHref } from '../../../src/ui/links';

describe('addresses', () => {
  it('only http(s), without credentials, become links, sources or host addresses', () => {
    expect(safeHref('https://pad.example.org/p/x')).toBe('https://pad.example.org/p/x');
    expect(safeHref('HTTP://Pad.Example.org')).toBe('http://pad.example.org/');
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'https://user:pw@example.org/',
      'pad.example.org',
      '',
      null,
      undefined,
    ])
      expect(safeHref(bad), String(bad)).toBeNull();
    expect(isHttpsUrl('https://matou.frama.io/matou/directory/snapshot.json')).toBe(true);
    for (const bad of ['http://example.org/s.json', 'example.org/s.json', 'https://', 42])
      expect(isHttpsUrl(bad), String(bad)).toBe(false);
    expect(normaliseHostUrl('chaton.example/mail')).toBe('https://chaton.example/mail');
    expect(normaliseHostUrl('https://localhost/')).toBeNull();
  });
});

describe('names', () => {
  it('one clean line, refused (not shortened) when too long', () => {
    expect(cleanLine('  Chaton\u200b du\tcoin\n', 40)).toBe('Chaton du coin');
    expect(cleanLine('x'.repeat(40), 40)).toBe('x'.repeat(40));
    expect(cleanLine('x'.repeat(41), 40)).toBeNull();
    expect(cleanLine('\u0000 \u200e', 40)).toBeNull();
    expect(cleanLine('Hébergeur…', 40)).toBe('Hébergeur…');
  });
});
