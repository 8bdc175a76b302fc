// Node-only: reading one ChatonsInfos file from disk or over HTTP(S), with a timeout, a size
// cap enforced while reading, and a couple of retries for transient failures.

import { open } from 'node:fs/promises';
import { readCapped } from '../../src/core/directory/refresh';

export type FetchProblem = 'unreachable' | 'timeout' | 'http-error' | 'oversized' | 'refused';

export type LoadResult =
  | {
      ok: true;
      text: string;
      /** Final location (after HTTP redirects): the base for relative `subs`. */ location: string;
    }
  | { ok: false; code: FetchProblem; reason: string };

export interface FetchSettings {
  timeoutMs: number;
  maxBytes: number;
  retries: number;
  /** Wait before retry n is `retryDelayMs * n`. */
  retryDelayMs: number;
  fetch: typeof fetch;
  userAgent: string;
}

export const DEFAULT_FETCH_SETTINGS: FetchSettings = {
  timeoutMs: 15_000,
  maxBytes: 1024 * 1024,
  retries: 2,
  retryDelayMs: 500,
  fetch: (input, init) => fetch(input, init),
  userAgent: 'Matou directory:build (+https://framagit.org/matou/matou)',
};

/** UTF-8 when the bytes are UTF-8 (ChatonsInfos files are), else ISO-8859-1 as Java's default. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchOnce(url: string, s: FetchSettings): Promise<LoadResult & { retry?: boolean }> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, s.timeoutMs);
  try {
    let response: Response;
    try {
      response = await s.fetch(url, {
        headers: { Accept: 'text/plain, */*;q=0.5', 'User-Agent': s.userAgent },
        redirect: 'follow',
        credentials: 'omit',
        signal: controller.signal,
      });
    } catch (error) {
      if (timedOut)
        return { ok: false, code: 'timeout', reason: `no answer within ${s.timeoutMs} ms`, retry: true };
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      return {
        ok: false,
        code: 'unreachable',
        reason: `${String((error as Error).message ?? error)}${cause ? ` (${cause})` : ''}`,
        retry: true,
      };
    }
    const finalUrl = response.url || url;
    if (!/^https?:/.test(finalUrl)) {
      controller.abort();
      return { ok: false, code: 'refused', reason: `redirected to a non-http(s) location` };
    }
    if (!response.ok) {
      controller.abort();
      const transient = response.status >= 500 || response.status === 429 || response.status === 408;
      return { ok: false, code: 'http-error', reason: `HTTP ${response.status}`, retry: transient };
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > s.maxBytes) {
      controller.abort();
      return { ok: false, code: 'oversized', reason: `announced ${declared} bytes, more than ${s.maxBytes}` };
    }
    let body;
    try {
      body = await readCapped(response, s.maxBytes, () => controller.abort());
    } catch (error) {
      if (timedOut)
        return { ok: false, code: 'timeout', reason: `not finished within ${s.timeoutMs} ms`, retry: true };
      return {
        ok: false,
        code: 'unreachable',
        reason: `download interrupted: ${String(error)}`,
        retry: true,
      };
    }
    if (!body.ok) return { ok: false, code: 'oversized', reason: `more than ${s.maxBytes} bytes` };
    return { ok: true, text: decodeText(body.bytes), location: finalUrl };
  } finally {
    clearTimeout(timer);
  }
}

/** One HTTP(S) file, retried on network errors, timeouts, 5xx, 408 and 429. */
export async function fetchText(url: string, settings: FetchSettings): Promise<LoadResult> {
  let last: LoadResult | undefined;
  for (let attempt = 0; attempt <= settings.retries; attempt += 1) {
    if (attempt > 0) await sleep(settings.retryDelayMs * attempt);
    const result = await fetchOnce(url, settings);
    if (result.ok || !result.retry) {
      if (result.ok) return { ok: true, text: result.text, location: result.location };
      return { ok: false, code: result.code, reason: result.reason };
    }
    last = { ok: false, code: result.code, reason: result.reason };
  }
  const failed = last as Extract<LoadResult, { ok: false }>;
  return { ...failed, reason: `${failed.reason} (after ${settings.retries + 1} attempts)` };
}

/** One local file, read up to the size cap. */
export async function readTextFile(path: string, maxBytes: number): Promise<LoadResult> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return { ok: false, code: 'unreachable', reason: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, code: 'unreachable', reason: 'not a regular file' };
    if (stat.size > maxBytes)
      return { ok: false, code: 'oversized', reason: `${stat.size} bytes, more than ${maxBytes}` };
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) return { ok: false, code: 'oversized', reason: `more than ${maxBytes} bytes` };
    return { ok: true, text: decodeText(buffer.subarray(0, bytesRead)), location: path };
  } finally {
    await handle.close();
  }
}
