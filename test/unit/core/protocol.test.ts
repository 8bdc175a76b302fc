import { describe, expect, test } from 'vitest';
import { MAX_REPORTED_URL, parsePageReport, parsePageRequest } from '../../../src/core/protocol';

describe('parsePageReport', () => {
  test('accepts a page report', () => {
    expect(parsePageReport({ type: 'page', url: 'https://mail.google.com/' })).toEqual({
      type: 'page',
      url: 'https://mail.google.com/',
    });
  });
  test.each([
    null,
    'page',
    { type: 'page' },
    { type: 'page', url: 42 },
    { type: 'other', url: 'https://x.example/' },
    { type: 'page', url: 'x'.repeat(MAX_REPORTED_URL + 1) },
  ])('refuses %j', (raw) => {
    expect(parsePageReport(raw)).toBeNull();
  });
});

describe('parsePageRequest', () => {
  test('accepts the requests of the protocol', () => {
    expect(parsePageRequest({ type: 'get-popup-state', tabId: 3 })).toEqual({
      type: 'get-popup-state',
      tabId: 3,
    });
    expect(parsePageRequest({ type: 'set-region', region: 'FR-35' })).toEqual({
      type: 'set-region',
      region: 'FR-35',
      skipped: false,
    });
    expect(parsePageRequest({ type: 'ignore-site', host: 'zoom.us', tabId: 1 })).toEqual({
      type: 'ignore-site',
      host: 'zoom.us',
      tabId: 1,
    });
    expect(parsePageRequest({ type: 'set-refresh-mode', mode: 'off' })).toEqual({
      type: 'set-refresh-mode',
      mode: 'off',
    });
    expect(parsePageRequest({ type: 'undo-exclusion', id: 'not:gmail@mail.google.com', tabId: 2 })).toEqual({
      type: 'undo-exclusion',
      id: 'not:gmail@mail.google.com',
      tabId: 2,
    });
    expect(
      parsePageRequest({
        type: 'add-correction',
        correction: {
          kind: 'user-host',
          category: 'email',
          name: 'Chaton',
          url: 'https://chaton.example/',
          registration: 'free',
        },
      }),
    ).toEqual({
      type: 'add-correction',
      correction: {
        kind: 'user-host',
        category: 'email',
        name: 'Chaton',
        url: 'https://chaton.example/',
        registration: 'free',
      },
    });
  });

  test('keeps only the fields of the request', () => {
    expect(parsePageRequest({ type: 'remove-correction', id: 'x', tabId: 3, extra: '<script>' })).toEqual({
      type: 'remove-correction',
      id: 'x',
    });
  });
  test.each([
    { type: 'get-popup-state', tabId: -1 },
    { type: 'get-popup-state', tabId: 1.5 },
    { type: 'get-popup-state', tabId: '1' },
    { type: 'set-region', region: 35 },
    { type: 'set-refresh-mode', mode: 'daily' },
    { type: 'ignore-site', host: 'x'.repeat(300), tabId: 1 },
    { type: 'ignore-site', host: 'zoom.us' },
    { type: 'set-region', region: 'FR', skipped: 'yes' },
    {
      type: 'add-correction',
      correction: {
        kind: 'user-host',
        category: 'email',
        name: 'x',
        url: 'https://x.example/',
        registration: 'gratis',
      },
    },
    { type: 'add-correction', correction: { kind: 'other' } },
    { type: 'eval', code: 'alert(1)' },
    { type: '__proto__' },
    [],
  ])('refuses %j', (raw) => {
    expect(parsePageRequest(raw)).toBeNull();
  });
});
