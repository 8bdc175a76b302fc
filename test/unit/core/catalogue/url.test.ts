/** @vitest-environment node */
// The fast URL scan must read every URL exactly as the WHATWG parser does, or step aside.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseWebUrl, parseWebUrlSlow, scanHost, NOT_WEB, UNSURE } from '../../../../src/core/catalogue/url';

describe('parseWebUrl', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/', 'mail.google.com', '/mail/u/0/'],
    ['HTTPS://MAIL.Google.COM:443/Mail?x#y', 'mail.google.com', '/Mail'],
    ['https://mail.google.com./', 'mail.google.com', '/'],
    ['http://zoom.us', 'zoom.us', '/'],
    ['https://zoom.us?u=https://mail.google.com/', 'zoom.us', '/'],
    ['https://mail.google.com@evil.example/', 'evil.example', '/'],
    ['https://user:pass@zoom.us:8443/j/1', 'zoom.us', '/j/1'],
    ['https://a@b@zoom.us/', 'zoom.us', '/'],
    ['https://evil.example\\@zoom.us/', 'evil.example', '/@zoom.us/'],
    ['https:\\\\zoom.us\\j\\1', 'zoom.us', '/j/1'],
    ['https:zoom.us/j', 'zoom.us', '/j'],
    ['  https://zoom.us/j  ', 'zoom.us', '/j'],
    ['https://zo\tom.us/j', 'zoom.us', '/j'],
    ['https://ｍａｉｌ.google.com/', 'mail.google.com', '/'],
    ['https://bücher.example/', 'xn--bcher-kva.example', '/'],
    ['https://mail.google.com%2eevil.example/', 'mail.google.com.evil.example', '/'],
    ['https://docs.google.com/a/../document/d/1', 'docs.google.com', '/document/d/1'],
    ['https://docs.google.com/%2e%2e/document', 'docs.google.com', '/document'],
  ])('%s -> %s %s', (url, host, path) => {
    expect(parseWebUrl(url)).toEqual({ host, path });
  });

  it.each([
    'file:///etc/passwd',
    'about:blank',
    'data:text/html,hi',
    'chrome://settings',
    'moz-extension://abc/popup.html',
    'javascript:alert(1)',
    'view-source:https://mail.google.com/',
    'blob:https://zoom.us/1',
    'ftp://zoom.us/',
    'ws://zoom.us/',
    '',
    'https://',
    'https:///',
    'https://zoom.us:99999/',
    'https://zoom.us:abc/',
    'https://[::1/',
    'not a url',
  ])('%s is not a web location', (url) => {
    expect(parseWebUrl(url)).toBeNull();
  });

  it('answers null for values that are not strings', () => {
    expect(parseWebUrl(undefined as unknown as string)).toBeNull();
    expect(parseWebUrl(42 as unknown as string)).toBeNull();
  });

  it('decides quickly on the common case and steps aside on the unusual', () => {
    expect(scanHost('https://mail.google.com/x')).toEqual({ host: 'mail.google.com', pathStart: 23 });
    expect(scanHost('about:blank')).toBe(NOT_WEB);
    expect(scanHost('https://bücher.example/')).toBe(UNSURE);
    expect(scanHost('https://xn--bcher-kva.example/')).toBe(UNSURE);
    expect(scanHost('https://[::1]/')).toBe(UNSURE);
  });

  // Characters that make URL parsing hard, to build many odd URLs from.
  const tricky = fc.constantFrom(
    'a',
    'Z',
    '0',
    '9',
    '.',
    '-',
    '@',
    ':',
    '/',
    '\\',
    '?',
    '#',
    '%',
    '%2e',
    '%2E',
    '%41',
    ' ',
    '\t',
    '\n',
    '\u0000',
    'xn--',
    'é',
    'ｍ',
    '[',
    ']',
    '..',
    '/.',
    'mail.google.com',
    'zoom.us',
    '443',
    '65536',
    '_',
    '~',
    '!',
  );
  const trickyText = fc.array(tricky, { maxLength: 12 }).map((parts) => parts.join(''));
  const trickyUrl = fc
    .tuple(
      fc.constantFrom(
        'https://',
        'http://',
        'HTTPS://',
        'https:/',
        'https:',
        ' https://',
        'htt\tps://',
        'ftp://',
      ),
      trickyText,
      fc.constantFrom('', '/', '?', '#', '\\'),
      trickyText,
    )
    .map(([scheme, authority, sep, rest]) => `${scheme}${authority}${sep}${rest}`);

  it('reads exactly what the WHATWG parser reads, whenever it reads anything (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(trickyUrl, fc.webUrl({ withQueryParameters: true, withFragments: true })),
        (url) => {
          const fast = scanHost(url);
          const slow = parseWebUrlSlow(url);
          if (fast === NOT_WEB) expect(slow).toBeNull();
          expect(parseWebUrl(url)).toEqual(slow);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
