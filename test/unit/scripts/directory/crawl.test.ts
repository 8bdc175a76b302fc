// @vitest-environment node
// Crawling the fixture federation from disk and over a real local HTTP server.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlFederation, limiter, resolveRef } from '../../../../scripts/lib/directory-crawl';
import { decodeText, fetchText, DEFAULT_FETCH_SETTINGS } from '../../../../scripts/lib/directory-fetch';
import { normalizeFederation } from '../../../../src/core/directory/normalize';
import { validateSnapshot } from '../../../../src/core/directory/schema';
import { fixtureCatalogue } from '../../../fixtures/directory/catalogue';
import { serveFiles, startServer, type TestServer } from '../../../fixtures/directory/server';

const ROOT = fileURLToPath(new URL('../../../fixtures/directory/federation/', import.meta.url));
const FEDERATION = `${ROOT}chatons.properties`;
const CRAWL = { maxBytes: 4096, retries: 0, retryDelayMs: 1, timeoutMs: 2000, concurrency: 3 };

const byId = <T extends { id: string }>(list: readonly T[], id: string): T | undefined =>
  list.find((x) => x.id === id);

describe('crawl from local files', () => {
  it('reads the federation, its organisations and services, skipping and reporting bad files', async () => {
    const crawled = await crawlFederation(FEDERATION, CRAWL);
    expect(crawled.kind).toBe('file');
    // BOM, CRLF, `!` comment, `\u00e9` escape and continuation line in the federation file
    expect(crawled.properties.get('file.class')).toBe('Federation');
    expect(crawled.properties.get('federation.description')).toBe(
      'Collectif des Hébergeurs Alternatifs, Transparents, Ouverts, Neutres et Solidaires',
    );
    // `:` and blank separators
    expect(crawled.properties.get('file.datetime')).toBe('2026-11-01T10:00:00+01:00');
    const ids = crawled.organizations.map((o) => o.id).sort();
    expect(ids).toEqual([
      'alpha',
      'away',
      'belgium',
      'beta',
      'corse-nord',
      'corse-sud',
      'ended',
      'idle',
      'nowhere',
      'reunion',
    ]);

    const codes = Object.fromEntries(crawled.problems.map((p) => [p.at, p.code]));
    expect(codes['error.html']).toBe('not-properties');
    expect(codes['empty.properties']).toBe('empty');
    expect(codes['oversized.properties']).toBe('oversized');
    expect(codes['missing/missing.properties']).toBe('unreachable');
    expect(crawled.problems.filter((p) => p.code === 'refused')).toHaveLength(2); // ../../ and javascript:
    expect(crawled.problems.every((p) => p.message.endsWith('skipped'))).toBe(true);

    const alpha = byId(crawled.organizations, 'alpha')!;
    expect(alpha.from).toBe('alpha/alpha.properties');
    expect(alpha.services.map((s) => s.from)).toContain('alpha/services/pad.properties');
    // relative to the file that holds the `subs` line, even outside the organisation's folder
    expect(alpha.services.map((s) => s.from)).toContain('shared/nourl.properties');
    expect(alpha.properties.get('organization.geolocation.address')).toContain('République');
  });

  it('refuses references that leave the federation folder or use another scheme', () => {
    const base = { kind: 'file' as const, value: `${ROOT}alpha/alpha.properties` };
    expect(resolveRef('../../../etc/passwd', base, ROOT.slice(0, -1))).toHaveProperty('error');
    expect(resolveRef('/etc/passwd', base, ROOT.slice(0, -1))).toHaveProperty('error');
    expect(resolveRef('file:///etc/passwd', base, ROOT.slice(0, -1))).toHaveProperty('error');
    expect(resolveRef('data:text/plain,x', base, ROOT.slice(0, -1))).toHaveProperty('error');
    const http = { kind: 'http' as const, value: 'https://a.example/x/org.properties' };
    expect(resolveRef('svc/pad.properties', http, '')).toEqual({
      kind: 'http',
      value: 'https://a.example/x/svc/pad.properties',
    });
    expect(resolveRef('../pad.properties', http, '')).toEqual({
      kind: 'http',
      value: 'https://a.example/pad.properties',
    });
    expect(resolveRef('https://u:p@b.example/', http, '')).toHaveProperty('error');
  });

  it('throws only when the federation file itself is unusable', async () => {
    await expect(crawlFederation(`${ROOT}error.html`, CRAWL)).rejects.toThrow(/HTML/);
    await expect(crawlFederation(`${ROOT}nope.properties`, CRAWL)).rejects.toThrow(/ENOENT/);
  });

  it('normalises the crawl into a snapshot that validates', async () => {
    const crawled = await crawlFederation(FEDERATION, CRAWL);
    const snapshot = normalizeFederation(crawled, {
      catalogue: fixtureCatalogue,
      builtAt: new Date('2026-11-23T12:00:00Z'),
    });
    expect(validateSnapshot(snapshot).ok).toBe(true);
    expect(snapshot.counts.skippedFiles).toBe(6);
    expect(snapshot.counts.excludedOrganizations).toBe(3);
  });
});

describe('crawl over HTTP', () => {
  let server: TestServer;
  let flaky = 0;
  beforeAll(async () => {
    server = await startServer(
      {
        '/flaky.properties': (_req, res) => {
          flaky += 1;
          if (flaky < 3) {
            res.statusCode = 503;
            res.end();
          } else res.end('file.class = Service\nservice.name = ok\n');
        },
        '/slow.properties': (_req, res) => {
          setTimeout(() => res.end('file.class = Service\n'), 1500);
        },
        '/chunked-big.properties': (_req, res) => {
          res.setHeader('Content-Type', 'text/plain');
          res.write('file.class = Organization\n');
          const timer = setInterval(() => {
            if (!res.write(`# ${'x'.repeat(1000)}\n`)) return;
          }, 1);
          res.on('close', () => clearInterval(timer));
        },
        '/redirect/chatons.properties': (_req, res) => {
          res.statusCode = 302;
          res.setHeader('Location', '/chatons.properties');
          res.end();
        },
      },
      serveFiles(ROOT),
    );
  });
  afterAll(() => server.close());

  it('resolves relative subs against each file URL and reports 404s and HTML error pages', async () => {
    const crawled = await crawlFederation(`${server.origin}/chatons.properties`, CRAWL);
    expect(crawled.kind).toBe('http');
    expect(crawled.organizations.map((o) => o.id).sort()).toEqual([
      'alpha',
      'away',
      'belgium',
      'beta',
      'corse-nord',
      'corse-sud',
      'ended',
      'idle',
      'nowhere',
      'reunion',
    ]);
    const alpha = byId(crawled.organizations, 'alpha')!;
    expect(alpha.from).toBe(`${server.origin}/alpha/alpha.properties`);
    expect(alpha.services.map((s) => s.from)).toContain(`${server.origin}/alpha/services/pad.properties`);
    expect(alpha.services.map((s) => s.from)).toContain(`${server.origin}/shared/nourl.properties`);
    const problems = Object.fromEntries(crawled.problems.map((p) => [p.at, p]));
    expect(problems[`${server.origin}/missing/missing.properties`]?.code).toBe('http-error');
    expect(problems[`${server.origin}/missing/missing.properties`]?.message).toContain('HTTP 404');
    expect(problems[`${server.origin}/error.html`]?.code).toBe('not-properties');
    expect(problems[`${server.origin}/oversized.properties`]?.code).toBe('oversized');
    expect(problems[`${server.origin}/empty.properties`]?.code).toBe('empty');
    // `../../outside.properties` from an HTTP file is just another URL on the same server: 404
    expect(problems[`${server.origin}/outside.properties`]?.code).toBe('http-error');
  });

  it('follows redirects and resolves subs against the final URL', async () => {
    const crawled = await crawlFederation(`${server.origin}/redirect/chatons.properties`, CRAWL);
    expect(byId(crawled.organizations, 'alpha')?.from).toBe(`${server.origin}/alpha/alpha.properties`);
  });

  it('retries transient failures, gives up on slow and endless files', async () => {
    const settings = {
      ...DEFAULT_FETCH_SETTINGS,
      retries: 2,
      retryDelayMs: 5,
      timeoutMs: 300,
      maxBytes: 20_000,
    };
    const ok = await fetchText(`${server.origin}/flaky.properties`, settings);
    expect(ok.ok).toBe(true);
    expect(flaky).toBe(3);
    const slow = await fetchText(`${server.origin}/slow.properties`, { ...settings, retries: 0 });
    expect(slow).toMatchObject({ ok: false, code: 'timeout' });
    const big = await fetchText(`${server.origin}/chunked-big.properties`, { ...settings, retries: 0 });
    expect(big).toMatchObject({ ok: false, code: 'oversized' });
  });

  it('limits concurrency', async () => {
    const run = limiter(2);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        run(async () => {
          active += 1;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 5));
          active -= 1;
        }),
      ),
    );
    expect(peak).toBe(2);
  });
});

describe('decoding', () => {
  it('reads UTF-8, and Latin-1 when the bytes are not UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('café'))).toBe('café');
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toBe('café');
  });
});
