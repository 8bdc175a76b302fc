/** @vitest-environment node */
// A web URL's host and path, as the browser reads them: tricky authorities, schemes that are not web.
import { describe, expect, it } from 'vitest';
import { parseWebUrl } from '../../../../src/core/catalogue/url';

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
});
