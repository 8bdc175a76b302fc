// Downloading a newer directory snapshot. I/O comes in as a `fetch`-shaped function, so the same
// code runs in the extension's background and in Node tests. Only the configured HTTPS URL is
// contacted (no redirects, no credentials, no cache); the body is read as a stream and cut off
// at the size cap; nothing replaces the current copy unless it parses, validates and is newer.

import { parseSnapshot } from './snapshot';
import type { DirectorySnapshot } from './schema';

export const DEFAULT_REFRESH_TIMEOUT_MS = 20_000;
export const DEFAULT_REFRESH_MAX_BYTES = 5 * 1024 * 1024;

export interface RefreshOptions {
  /** The one source: an `https:` URL. */
  url: string;
  /** ETag of the copy in use, when it came from this URL. */
  etag?: string;
  /** The copy in use; a download must be strictly newer (`builtAt`). */
  current: DirectorySnapshot;
  fetch: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
  now?: () => Date;
  /** Tests only: also allow `http://127.0.0.1`, `http://localhost`, `http://[::1]`. */
  allowInsecureLoopback?: boolean;
}

export type RefreshOutcome =
  | {
      status: 'updated';
      snapshot: DirectorySnapshot;
      etag?: string;
      checkedAt: string;
      httpStatus: number;
      /** Entries of the download that failed validation and were left out. */
      dropped: string[];
    }
  | { status: 'not-modified'; reason: string; checkedAt: string; etag?: string; httpStatus: number }
  | { status: 'failed' | 'rejected'; reason: string; checkedAt: string; httpStatus?: number };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why a URL may not be used as the directory source, or null when it may. */
export function directoryUrlProblem(raw: string, allowInsecureLoopback = false): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a valid URL';
  }
  if (url.username !== '' || url.password !== '') return 'a URL with a user name or password is refused';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && allowInsecureLoopback && LOOPBACK.has(url.hostname)) return null;
  if (url.protocol === 'http:') return 'refused: only https: URLs may be used (http: is not encrypted)';
  return `refused: only https: URLs may be used, not ${url.protocol}`;
}

/** An ETag we are willing to send back (visible ASCII, bounded). */
function cleanEtag(raw: string | null | undefined): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const etag = raw.trim();
  return etag.length > 0 && etag.length <= 256 && /^[\x21-\x7e]+$/.test(etag) ? etag : undefined;
}

function isoNow(now: () => Date): string {
  try {
    const date = now();
    if (date instanceof Date && Number.isFinite(date.getTime())) return date.toISOString();
  } catch {
    // fall through
  }
  return new Date().toISOString();
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const causeText = cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : '';
    return `${error.message}${causeText ? ` (${causeText})` : ''}`.slice(0, 300);
  }
  return String(error).slice(0, 300);
}

export type BodyResult = { ok: true; bytes: Uint8Array } | { ok: false; tooBig: boolean; reason: string };

export async function readCapped(
  response: Response,
  maxBytes: number,
  abort: () => void,
): Promise<BodyResult> {
  if (response.body === null) return { ok: true, bytes: new Uint8Array(0) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      abort();
      await reader.cancel().catch(() => undefined);
      return { ok: false, tooBig: true, reason: `larger than the ${maxBytes}-byte limit; download stopped` };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/**
 * Checks the source for a newer snapshot. Never throws; `current` is never modified. The caller
 * stores `snapshot` and `etag` only when the status is `updated`, and the outcome in any case.
 */
export async function refreshDirectory(options: RefreshOptions): Promise<RefreshOutcome> {
  const now = options.now ?? (() => new Date());
  const timeoutMs = Math.max(1, options.timeoutMs ?? DEFAULT_REFRESH_TIMEOUT_MS);
  const maxBytes = Math.max(1, options.maxBytes ?? DEFAULT_REFRESH_MAX_BYTES);
  const failed = (reason: string, httpStatus?: number): RefreshOutcome => ({
    status: 'failed',
    reason,
    checkedAt: isoNow(now),
    ...(httpStatus !== undefined ? { httpStatus } : {}),
  });
  const rejected = (reason: string, httpStatus?: number): RefreshOutcome => ({
    status: 'rejected',
    reason,
    checkedAt: isoNow(now),
    ...(httpStatus !== undefined ? { httpStatus } : {}),
  });

  const problem = directoryUrlProblem(options.url, options.allowInsecureLoopback === true);
  if (problem) return failed(problem);
  const url = new URL(options.url);

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const etag = cleanEtag(options.etag);
    if (etag) headers['If-None-Match'] = etag;

    let response: Response;
    try {
      response = await options.fetch(url.href, {
        method: 'GET',
        headers,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
        referrerPolicy: 'no-referrer',
        signal: controller.signal,
      });
    } catch (error) {
      if (timedOut) return failed(`no answer within ${timeoutMs} ms`);
      // The caller's fetch refused before sending anything (no permission for that origin).
      if (error instanceof Error && error.name === 'NotAllowedError')
        return failed(error.message.slice(0, 300));
      // Browsers say no more than "Failed to fetch": offline, no such host, a redirect, or a server
      // other than the default one that does not allow cross-origin downloads (CORS).
      return failed(
        `network error, redirect refused, or the server does not allow downloads from extensions (CORS): ${describeError(error)}`,
      );
    }
    const status = response.status;
    if (response.redirected || response.type === 'opaqueredirect') {
      controller.abort();
      return failed('the source redirected elsewhere; refused', status);
    }
    if (status === 304) {
      controller.abort();
      const sameEtag = cleanEtag(response.headers.get('etag')) ?? etag;
      return {
        status: 'not-modified',
        reason: 'the copy in use is still the latest (HTTP 304)',
        checkedAt: isoNow(now),
        ...(sameEtag ? { etag: sameEtag } : {}),
        httpStatus: status,
      };
    }
    if (status < 200 || status > 299) {
      controller.abort();
      return failed(
        `HTTP ${status}${response.statusText ? ` ${response.statusText.slice(0, 60)}` : ''}`,
        status,
      );
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      return rejected(
        `announced ${declared} bytes, more than the ${maxBytes}-byte limit; not downloaded`,
        status,
      );
    }

    let body: BodyResult;
    try {
      body = await readCapped(response, maxBytes, () => controller.abort());
    } catch (error) {
      if (timedOut) return failed(`download not finished within ${timeoutMs} ms`, status);
      return failed(`download interrupted: ${describeError(error)}`, status);
    }
    if (!body.ok) return rejected(body.reason, status);
    if (timedOut) return failed(`download not finished within ${timeoutMs} ms`, status);
    if (body.bytes.byteLength === 0) return rejected('empty response', status);

    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body.bytes);
    } catch {
      return rejected('not UTF-8 text', status);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return rejected(`not valid JSON (${describeError(error).slice(0, 120)})`, status);
    }
    const parsed = parseSnapshot(json);
    if (!parsed.ok) return rejected(parsed.reason, status);

    const candidate = parsed.snapshot;
    if (candidate.organizations.length === 0) {
      return rejected('the download lists no organisation at all; the copy in use is kept', status);
    }
    const currentTime = Date.parse(options.current?.builtAt ?? '');
    const candidateTime = Date.parse(candidate.builtAt);
    if (Number.isFinite(currentTime) && !(candidateTime > currentTime)) {
      return rejected(
        `not newer: the download was built ${candidate.builtAt}, the copy in use ${options.current.builtAt}`,
        status,
      );
    }
    const newEtag = cleanEtag(response.headers.get('etag'));
    return {
      status: 'updated',
      snapshot: candidate,
      ...(newEtag ? { etag: newEtag } : {}),
      checkedAt: isoNow(now),
      httpStatus: status,
      dropped: parsed.dropped,
    };
  } catch (error) {
    return failed(`unexpected error: ${describeError(error)}`);
  } finally {
    clearTimeout(timer);
  }
}
