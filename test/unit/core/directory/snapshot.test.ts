// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../../../src/core/directory/snapshot';
import { validateSnapshot, SNAPSHOT_SCHEMA_VERSION } from '../../../../src/core/directory/schema';
import { makeSnapshot } from '../../../fixtures/directory/snapshots';

const base = () =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw JSON, edited freely to make it invalid
  JSON.parse(JSON.stringify(makeSnapshot('2026-11-23T12:00:00.000Z', 3))) as Record<string, any>;

describe('parseSnapshot', () => {
  it('accepts a valid snapshot as it is', () => {
    const raw = base();
    const result = parseSnapshot(raw);
    expect(result).toEqual({ ok: true, snapshot: makeSnapshot('2026-11-23T12:00:00.000Z', 3), dropped: [] });
  });

  it('refuses what is not a snapshot at all', () => {
    for (const raw of [null, 42, 'x', [], {}, { schemaVersion: 2 }]) {
      const result = parseSnapshot(raw);
      expect(result.ok).toBe(false);
    }
    const wrongVersion = parseSnapshot({ ...base(), schemaVersion: SNAPSHOT_SCHEMA_VERSION + 1 });
    expect(wrongVersion).toMatchObject({ ok: false, reason: expect.stringContaining('schema version') });
    const badDate = parseSnapshot({ ...base(), builtAt: '23/11/2026' });
    expect(badDate).toMatchObject({ ok: false, reason: expect.stringContaining('builtAt') });
    const offsetDate = parseSnapshot({ ...base(), builtAt: '2026-11-23T12:00:00+01:00' });
    expect(offsetDate.ok).toBe(false);
    const noOrgs = parseSnapshot({ ...base(), organizations: 'many' });
    expect(noOrgs.ok).toBe(false);
    const badSource = parseSnapshot({ ...base(), source: { ...base().source, description: 'a\u0000b' } });
    expect(badSource.ok).toBe(false);
  });

  it('drops a hostile service and says so, keeping the rest', () => {
    const raw = base();
    raw.organizations[0].services[1].url = 'javascript:alert(1)';
    raw.organizations[0].services[2].name = 'Pad\u202e evil';
    const result = parseSnapshot(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.snapshot.organizations[0]?.services.map((s) => s.id)).toEqual(['pad-0']);
    expect(result.dropped).toHaveLength(2);
    expect(result.dropped[0]).toContain('alpha/pad-1');
    expect(result.dropped[0]).toContain('url');
    // counts follow what is kept
    expect(result.snapshot.counts.services).toBe(1);
    expect(result.snapshot.counts.categories).toEqual({ 'text-collaboration': 1 });
  });

  it('drops an organisation with a hostile field, with its services', () => {
    const raw = base();
    raw.organizations.push({
      ...raw.organizations[0],
      id: 'evil',
      website: 'data:text/html,<script>alert(1)</script>',
    });
    raw.organizations.push({ ...raw.organizations[0], id: 'huge', name: 'x'.repeat(100_000) });
    raw.organizations.push({ ...raw.organizations[0], id: 'Bad Id' });
    raw.organizations.push({ ...raw.organizations[0] }); // same id twice
    const result = parseSnapshot(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.snapshot.organizations.map((o) => o.id)).toEqual(['alpha']);
    expect(result.dropped.join('\n')).toMatch(/evil[\s\S]*huge[\s\S]*Bad\?Id[\s\S]*alpha \(listed twice\)/);
    expect(result.snapshot.counts.organizations).toBe(1);
  });

  it('keeps HTML in names as text', () => {
    const raw = base();
    raw.organizations[0].name = '<img src=x onerror=alert(1)>';
    const result = parseSnapshot(raw);
    expect(result.ok && result.snapshot.organizations[0]?.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('drops unknown fields and bad warnings, and ignores prototype keys', () => {
    const raw = JSON.parse(
      JSON.stringify(base()).replace(
        '"generator":"test"',
        '"generator":"test","__proto__":{"polluted":true},"extra":1',
      ),
    );
    raw.warnings = [{ code: 'x', message: 'ok' }, { code: 'Bad Code', message: 'no' }, 'nope'];
    raw.counts.categories = { __proto__: 5, 'text-collaboration': 'many' };
    const result = parseSnapshot(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect('extra' in result.snapshot).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.snapshot.warnings).toEqual([{ code: 'x', message: 'ok' }]);
    expect(result.snapshot.counts.categories).toEqual({ 'text-collaboration': 3 });
    expect(validateSnapshot(result.snapshot).ok).toBe(true);
  });

  it('refuses lone surrogates, controls and non-http URLs wherever they are stored', () => {
    const raw = base();
    raw.organizations[0].services[0].software.name = 'Ether\ud800pad';
    raw.organizations[0].services[1].from = 'javascript:alert(1)';
    raw.organizations[0].services[2].url = 'http://user:pw@pad.example.org/';
    const result = parseSnapshot(raw);
    expect(result.ok && result.snapshot.organizations[0]?.services).toEqual([]);
  });
});
