// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseProperties, subsOf } from '../../../../src/core/directory/properties';

const ok = (text: string) => {
  const result = parseProperties(text);
  if (!result.ok) throw new Error(result.reason);
  return Object.fromEntries(result.properties);
};

describe('parseProperties', () => {
  it('reads the whole Java .properties syntax', () => {
    const text = [
      '\uFEFF# comment',
      '! other comment',
      'organization.name = Caf\\u00e9 Libre',
      'organization.website:https\\://cafe.example.org/',
      'organization.type ASSOCIATION',
      'organization.description = line one \\',
      '    line two',
      'organization.geolocation.address=   12 rue X   ',
      'subs.a\\ b = x.properties',
      'organization.name = Caf\\u00e9 Libre (last value wins)',
    ].join('\r\n');
    expect(ok(text)).toEqual({
      'organization.name': 'Café Libre (last value wins)',
      'organization.website': 'https://cafe.example.org/',
      'organization.type': 'ASSOCIATION',
      'organization.description': 'line one line two',
      'organization.geolocation.address': '12 rue X   ',
      'subs.a b': 'x.properties',
    });
  });

  it('refuses empty files, HTML pages, JSON and unrelated text', () => {
    expect(parseProperties('')).toMatchObject({ ok: false, code: 'empty' });
    expect(parseProperties('\uFEFF  \n\n')).toMatchObject({ ok: false, code: 'empty' });
    expect(parseProperties('# only a comment\n')).toMatchObject({ ok: false, code: 'empty' });
    expect(parseProperties('<!DOCTYPE html><html><body>502</body></html>')).toMatchObject({
      ok: false,
      code: 'not-properties',
    });
    expect(parseProperties('\n\n  <html>\n<title>Error</title>')).toMatchObject({
      ok: false,
      code: 'not-properties',
    });
    expect(parseProperties('{"organization.name": "x"}')).toMatchObject({
      ok: false,
      code: 'not-properties',
    });
    expect(parseProperties('hello = world\nfoo = bar')).toMatchObject({ ok: false, code: 'not-properties' });
    expect(parseProperties('file.class = x\u0000\u0001')).toMatchObject({
      ok: false,
      code: 'not-properties',
    });
  });

  it('does not let keys reach Object.prototype', () => {
    const result = parseProperties('__proto__ = x\nconstructor = y\nfile.class = Service');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.properties.get('__proto__')).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('lists subs in file order, unquoting the YunoHost style', () => {
    const result = parseProperties(
      "subs.b = b.properties\nsubs.a = 'https://a.example/a.properties'\nsubs. = empty\nsubs.c =\n",
    );
    expect(result.ok && subsOf(result.properties)).toEqual([
      { id: 'b', ref: 'b.properties' },
      { id: 'a', ref: 'https://a.example/a.properties' },
    ]);
  });
});
