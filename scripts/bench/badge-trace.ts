// Where the badge's milliseconds go: a traced copy of a Chromium build, for bench:badge --trace.
// The copy runs Matou's own files unchanged; it only adds, around them:
// - in the worker, a module evaluated before Matou's bundle (it notes the time, and wraps the
//   `chrome.*` calls the badge path makes: storage reads and writes, the action's setters, the
//   message listener) and one evaluated after it (the bundle has been evaluated);
// - in the content script, a prelude noting when the script started and when it sent its report,
//   told to the worker in a second message after the report itself (never before it).
// Times are epoch milliseconds (`performance.timeOrigin + performance.now()`), comparable across
// the page, the content script and the worker within the clock skew bench:pageload measures.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';

export interface TraceCall {
  /** `storage.local.get`, `action.setBadgeText`… */
  api: string;
  /** The storage keys asked for, or the badge text set. */
  detail: string;
  calledAt: number;
  doneAt: number | null;
}

export interface WorkerTrace {
  /** The worker global's time origin: Chromium started this worker then. */
  workerOrigin: number;
  /** The trace module ran: the first line of the worker's script. */
  scriptStart: number;
  /** Matou's bundle has been evaluated (its first tick's synchronous work is done). */
  bundleEvaluated: number | null;
  /** Each `page` report reaching the message listener. */
  reports: Array<{ url: string; at: number }>;
  calls: TraceCall[];
  /** From the content script of the traced page. */
  content: Array<{ url: string; startedAt: number; sentAt: number }>;
}

/** Runs in the worker before Matou's bundle. Plain JavaScript: it is written to the build as is. */
const WORKER_PRELUDE = String.raw`
const now = () => performance.timeOrigin + performance.now();
const trace = { workerOrigin: performance.timeOrigin, scriptStart: now(), bundleEvaluated: null, reports: [], calls: [], content: [] };
globalThis.__matouTrace = trace;
const detailOf = (api, args) => {
  const first = args[0];
  if (api.startsWith('storage.')) return JSON.stringify(typeof first === 'object' && first !== null && !Array.isArray(first) ? Object.keys(first) : first);
  return typeof first?.text === 'string' ? first.text : '';
};
const wrap = (owner, path, api) => {
  const target = path.reduce((object, key) => object?.[key], owner);
  const name = api.split('.').pop();
  const original = target?.[name];
  // One object may be reachable both as chrome.* and browser.*: wrap it once.
  if (typeof original !== 'function' || original.matouTraced) return;
  const traced = function (...args) {
    const call = { api, detail: detailOf(api, args), calledAt: now(), doneAt: null };
    trace.calls.push(call);
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (...results) => { call.doneAt = now(); return last(...results); };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof result.then === 'function') result.then(() => { call.doneAt = now(); }, () => { call.doneAt = now(); });
    return result;
  };
  traced.matouTraced = true;
  target[name] = traced;
};
for (const owner of new Set([globalThis.chrome, globalThis.browser].filter(Boolean))) {
  for (const area of ['local', 'session']) for (const verb of ['get', 'set']) wrap(owner, ['storage', area], 'storage.' + area + '.' + verb);
  for (const setter of ['setBadgeText', 'setBadgeBackgroundColor', 'setBadgeTextColor', 'setTitle']) wrap(owner, ['action'], 'action.' + setter);
  const onMessage = owner.runtime.onMessage;
  if (onMessage.addListener.matouTraced) continue;
  const addListener = onMessage.addListener.bind(onMessage);
  onMessage.addListener = (listener) => addListener((message, sender, respond) => {
    if (message?.type === 'matou-trace') { trace.content.push(message.content); return false; }
    if (message?.type === 'page') trace.reports.push({ url: message.url, at: now() });
    return listener(message, sender, respond);
  });
  onMessage.addListener.matouTraced = true;
}
`;

const WORKER_EPILOGUE = `globalThis.__matouTrace.bundleEvaluated = performance.timeOrigin + performance.now();\n`;

/** Runs in the page's content-script world before Matou's content script. */
const CONTENT_PRELUDE = String.raw`(() => {
  const now = () => performance.timeOrigin + performance.now();
  const runtime = (globalThis.browser ?? globalThis.chrome)?.runtime;
  if (!runtime) return;
  const startedAt = now();
  const send = runtime.sendMessage.bind(runtime);
  let told = false;
  runtime.sendMessage = (message) => {
    const sentAt = now();
    const sent = send(message);
    if (!told && message?.type === 'page') {
      told = true;
      send({ type: 'matou-trace', content: { url: message.url, startedAt, sentAt } }).catch(() => undefined);
    }
    return sent;
  };
})();
`;

/** A copy of the Chromium build at `dist` with the trace added (a new temporary directory). */
export function tracedCopy(dist: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'matou-bench-traced-'));
  cpSync(dist, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    background: { service_worker: string };
    content_scripts: Array<{ js: string[] }>;
  };
  const loader = manifest.background.service_worker;
  writeFileSync(join(dir, 'matou-trace-start.js'), WORKER_PRELUDE);
  writeFileSync(join(dir, 'matou-trace-end.js'), WORKER_EPILOGUE);
  writeFileSync(
    join(dir, 'matou-trace-loader.js'),
    `import './matou-trace-start.js';\nimport './${loader}';\nimport './matou-trace-end.js';\n`,
  );
  manifest.background.service_worker = 'matou-trace-loader.js';
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  for (const script of manifest.content_scripts.flatMap((entry) => entry.js)) {
    const path = join(dir, script);
    writeFileSync(path, CONTENT_PRELUDE + readFileSync(path, 'utf8'));
  }
  return dir;
}

/** The worker's trace, emptied for the next sample (a stopped worker starts a new one anyway). */
export function takeTrace(worker: Worker): Promise<WorkerTrace | null> {
  return worker.evaluate(() => {
    const scope = globalThis as unknown as { __matouTrace?: WorkerTrace };
    const trace = scope.__matouTrace;
    if (!trace) return null;
    const copy = JSON.parse(JSON.stringify(trace)) as WorkerTrace;
    trace.reports = [];
    trace.calls = [];
    trace.content = [];
    return copy;
  });
}
