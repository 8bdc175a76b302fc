// @vitest-environment node
// The refresh against a real HTTP server on 127.0.0.1.
import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  refreshDirectory,
  directoryUrlProblem,
  type RefreshOutcome,
} from '../../../../src/core/directory/refresh';
import type { DirectorySnapshot } from '../../../../src/core/directory/schema';
import { makeSnapshot } from '../../../fixtures/directory/snapshots';
import { startServer, type TestServer } from '../../../fixtures/directory/server';

const CURRENT_AT = '2026-11-23T12:00:00.000Z';
const current = makeSnapshot(CURRENT_AT);
const frozenCurrent = JSON.stringify(current);
const newer = makeSnapshot('2026-11-30T03:00:00.000Z', 3);
const older = makeSnapshot('2026-11-01T00:00:00.000Z', 3);
const ETAG = '"v42"';
const MAX = 64 * 1024;

const hostile = JSON.parse(JSON.stringify(makeSnapshot('2026-12-01T00:00:00.000Z', 5)));
hostile.organizations[0].services[0].url = 'javascript:alert(document.cookie)';
hostile.organizations[0].services[1].name = '<img src=x onerror=alert(1)>';
hostile.organizations[0].services[2].name = 'Pad\u0007\u001b[31m';
hostile.organizations[0].services[3].software.name = 'x'.repeat(20_000);
hostile.organizations.push({
  ...hostile.organizations[0],
  id: 'evil',
  website: 'data:text/html,hi',
  services: [],
});

let server: TestServer;
let closedEarly = 0;

beforeAll(async () => {
  const json = (body: unknown) => (_req: unknown, res: ServerResponse) => {
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('ETag', ETAG);
    res.end(JSON.stringify(body));
  };
  server = await startServer({
    '/valid.json': (req, res) => {
      if (req.headers['if-none-match'] === ETAG) {
        res.statusCode = 304;
        res.setHeader('ETag', ETAG);
        res.end();
        return;
      }
      json(newer)(req, res);
    },
    '/404.json': (_req, res) => {
      res.statusCode = 404;
      res.end('<html>Not found</html>');
    },
    '/500.json': (_req, res) => {
      res.statusCode = 500;
      res.end('oops');
    },
    '/invalid.json': (_req, res) => res.end('{"schemaVersion": 1, "builtAt": '),
    '/html.json': (_req, res) => res.end('<!DOCTYPE html><html><body>Maintenance</body></html>'),
    '/latin1.json': (_req, res) => res.end(Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d])),
    '/schema-invalid.json': json({ ...newer, builtAt: 'yesterday' }),
    '/wrong-version.json': json({ ...newer, schemaVersion: 99 }),
    '/older.json': json(older),
    '/no-organisations.json': json({ ...makeSnapshot('2026-12-24T00:00:00.000Z'), organizations: [] }),
    '/same.json': json(current),
    '/hostile.json': json(hostile),
    '/big-declared.json': (_req, res) => {
      res.setHeader('Content-Length', String(MAX * 10));
      res.write(' '.repeat(1024));
      res.on('close', () => (closedEarly += 1));
      // never finishes on its own: the client must give up
    },
    '/big-chunked.json': (_req, res) => {
      // no Content-Length: an endless stream that only the size cap can stop
      let stopped = false;
      res.on('close', () => {
        stopped = true;
        closedEarly += 1;
      });
      const pump = () => {
        if (stopped) return;
        res.write(`${' '.repeat(8192)}\n`, () => setImmediate(pump));
      };
      res.write('{"schemaVersion":1,"padding":"');
      pump();
    },
    '/big-gzip.json': (_req, res) => {
      // a small compressed body whose Content-Length says nothing of its real size
      const body = gzipSync(Buffer.from(JSON.stringify({ ...newer, generator: 'x'.repeat(10 * MAX) })));
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Content-Length', String(body.length));
      res.end(body);
    },
    '/slow-headers.json': (_req, res) => {
      const timer = setTimeout(() => json(newer)(_req, res), 2000);
      res.on('close', () => clearTimeout(timer));
    },
    '/slow-body.json': (_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.write('{"schemaVersion":1,');
      const timer = setTimeout(() => res.end('}'), 2000);
      res.on('close', () => clearTimeout(timer));
    },
    '/redirect.json': (_req, res) => {
      res.statusCode = 302;
      res.setHeader('Location', '/valid.json');
      res.end();
    },
    '/empty.json': (_req, res) => res.end(),
  });
});
afterAll(() => server.close());

async function refresh(
  path: string,
  extra: Partial<Parameters<typeof refreshDirectory>[0]> = {},
): Promise<RefreshOutcome> {
  const outcome = await refreshDirectory({
    url: `${server.origin}${path}`,
    current,
    fetch: (input, init) => fetch(input, init),
    timeoutMs: 400,
    maxBytes: MAX,
    allowInsecureLoopback: true,
    now: () => new Date('2026-11-30T10:00:00Z'),
    ...extra,
  });
  // whatever happens, the copy in use is untouched
  expect(JSON.stringify(current)).toBe(frozenCurrent);
  return outcome;
}

function expectKept(
  outcome: RefreshOutcome,
  status: 'failed' | 'rejected' | 'not-modified',
  reason: RegExp,
): void {
  expect(outcome.status).toBe(status);
  expect('snapshot' in outcome).toBe(false);
  expect(outcome.checkedAt).toBe('2026-11-30T10:00:00.000Z');
  if (outcome.status !== 'updated') expect(outcome.reason).toMatch(reason);
}

describe('refreshDirectory', () => {
  it('takes a valid, newer snapshot with its ETag, asking without credentials or cache', async () => {
    const outcome = await refresh('/valid.json');
    expect(outcome.status).toBe('updated');
    if (outcome.status !== 'updated') return;
    expect(outcome.snapshot).toEqual(newer);
    expect(outcome.etag).toBe(ETAG);
    expect(outcome.dropped).toEqual([]);
    const request = server.requests.at(-1)!;
    expect(request.headers['if-none-match']).toBeUndefined();
    expect(request.headers.cookie).toBeUndefined();
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers.referer).toBeUndefined();
  });

  it('sends If-None-Match and keeps the copy on 304', async () => {
    const outcome = await refresh('/valid.json', { etag: ETAG });
    expectKept(outcome, 'not-modified', /304/);
    expect(outcome.status === 'not-modified' && outcome.etag).toBe(ETAG);
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe(ETAG);
  });

  it('fails on 404 and 500', async () => {
    expectKept(await refresh('/404.json'), 'failed', /HTTP 404/);
    expectKept(await refresh('/500.json'), 'failed', /HTTP 500/);
  });

  it('rejects what is not JSON, not UTF-8 or empty', async () => {
    expectKept(await refresh('/invalid.json'), 'rejected', /not valid JSON/);
    expectKept(await refresh('/html.json'), 'rejected', /not valid JSON/);
    expectKept(await refresh('/latin1.json'), 'rejected', /UTF-8/);
    expectKept(await refresh('/empty.json'), 'rejected', /empty/);
  });

  it('rejects what does not validate', async () => {
    expectKept(await refresh('/schema-invalid.json'), 'rejected', /builtAt/);
    expectKept(await refresh('/wrong-version.json'), 'rejected', /schema version/);
  });

  it('rejects a copy that is not newer than the one in use', async () => {
    expectKept(await refresh('/older.json'), 'rejected', /not newer/);
    expectKept(await refresh('/same.json'), 'rejected', /not newer/);
  });

  it('rejects a newer copy that lists no organisation (a broken build must not empty the directory)', async () => {
    expectKept(await refresh('/no-organisations.json'), 'rejected', /no organisation/);
  });

  it('rejects oversized downloads: announced, endless without Content-Length, or compressed', async () => {
    expectKept(await refresh('/big-declared.json'), 'rejected', /announced \d+ bytes/);
    const started = Date.now();
    expectKept(
      await refresh('/big-chunked.json', { timeoutMs: 5000 }),
      'rejected',
      /larger than the 65536-byte limit/,
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expectKept(await refresh('/big-gzip.json', { timeoutMs: 5000 }), 'rejected', /larger than/);
    await new Promise((r) => setTimeout(r, 50));
    expect(closedEarly).toBeGreaterThanOrEqual(2);
  });

  it('gives up on a server that is too slow, before or during the body', async () => {
    expectKept(await refresh('/slow-headers.json'), 'failed', /no answer within 400 ms/);
    expectKept(await refresh('/slow-body.json'), 'failed', /not finished within 400 ms/);
  });

  it('refuses redirects: only the configured origin is contacted', async () => {
    const before = server.requests.length;
    expectKept(await refresh('/redirect.json'), 'failed', /redirect/);
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/redirect.json']);
  });

  it('drops hostile entries and keeps the rest as text', async () => {
    const outcome = await refresh('/hostile.json');
    expect(outcome.status).toBe('updated');
    if (outcome.status !== 'updated') return;
    const services = outcome.snapshot.organizations[0]!.services;
    expect(services.map((s) => s.id)).toEqual(['pad-1', 'pad-4']);
    expect(services[0]!.name).toBe('<img src=x onerror=alert(1)>');
    expect(outcome.snapshot.organizations.map((o) => o.id)).toEqual(['alpha']);
    expect(outcome.dropped).toHaveLength(4);
    const text = JSON.stringify(outcome.snapshot);
    expect(text).not.toMatch(/javascript:|data:/);
    expect(text.includes('\\u0007')).toBe(false);
  });

  it('refuses plain http, other schemes and credentials, unless loopback is explicitly allowed', async () => {
    expectKept(await refresh('/valid.json', { allowInsecureLoopback: false }), 'failed', /only https/);
    expect(directoryUrlProblem('http://example.org/x.json', true)).toMatch(/only https/);
    expect(directoryUrlProblem('ftp://example.org/x.json')).toMatch(/only https/);
    expect(directoryUrlProblem('https://user:pw@example.org/x.json')).toMatch(/user name or password/);
    expect(directoryUrlProblem('not a url')).toMatch(/not a valid URL/);
    expect(directoryUrlProblem('https://matou.frama.io/matou/directory/snapshot.json')).toBeNull();
    expect(directoryUrlProblem('http://localhost:8080/x.json', true)).toBeNull();
  });

  it("reports a fetch that refused to send (no permission for that origin) in the refusal's own words", async () => {
    const outcome = await refreshDirectory({
      url: 'https://example.org/snapshot.json',
      current,
      fetch: () =>
        Promise.reject(
          Object.assign(new Error('Matou has no permission to contact https://example.org'), {
            name: 'NotAllowedError',
          }),
        ),
    });
    expect(outcome).toEqual(
      expect.objectContaining({
        status: 'failed',
        reason: 'Matou has no permission to contact https://example.org',
      }),
    );
  });

  it('never throws, even when fetch itself does', async () => {
    const outcome = await refreshDirectory({
      url: 'https://example.org/snapshot.json',
      current,
      fetch: () => {
        throw new Error('boom');
      },
    });
    expect(outcome.status).toBe('failed');
    const weird = await refreshDirectory({
      url: 'https://example.org/snapshot.json',
      current: {} as DirectorySnapshot,
      fetch: async () => new Response(JSON.stringify(newer), { status: 200 }),
      now: () => new Date(NaN),
    });
    expect(weird.status).toBe('updated');
    expect(Number.isFinite(Date.parse(weird.checkedAt))).toBe(true);
  });
});
