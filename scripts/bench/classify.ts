// npm run bench:classify
//
// The compiled classifier against a naive baseline built from the same catalogue: one regular
// expression per rule, tried in turn (as several extensions do), on a deterministic corpus of
// URLs mixing catalogued services, look-alikes, other sites and non-web schemes. Both run in the
// same process, interleaved, several rounds; the median round is reported.
import { performance } from 'node:perf_hooks';
import { catalogue } from '../../src/catalogue';
import {
  COUNTRY_DOMAIN_SUFFIXES,
  compileClassifier,
  type Catalogue,
  type MatchRule,
} from '../../src/core/catalogue';
import { isMainModule } from '../lib/catalogue-files';
import { mulberry32 } from '../lib/prng';

export interface ClassifyBenchOptions {
  /** Number of URLs in the corpus (default 120,000; at least 100,000 for the report). */
  size?: number;
  /** Timed rounds per contender (default 7). */
  rounds?: number;
  seed?: number;
}

export interface ContenderResult {
  urlsPerSecond: number;
  microsPerUrl: number;
  medianRoundMs: number;
}

export interface ClassifyBenchResult {
  corpusSize: number;
  rounds: number;
  /** Regular expressions in the baseline (one per rule). */
  baselineRules: number;
  compiled: ContenderResult;
  baseline: ContenderResult;
  /** How many times faster the compiled classifier is. */
  ratio: number;
  /** URLs of the corpus the compiled classifier recognises. */
  matched: number;
  agreement: {
    sampled: number;
    disagreements: number;
    examples: { url: string; compiled: string | null; baseline: string | null }[];
  };
}

const OTHER_SITES = [
  'fr.wikipedia.org',
  'www.lemonde.fr',
  'framasoft.org',
  'www.service-public.fr',
  'www.leboncoin.fr',
  'www.ouest-france.fr',
  'www.laposte.fr',
  'www.impots.gouv.fr',
  'www.ameli.fr',
  'www.sncf-connect.com',
  'www.liberation.fr',
  'www.francetvinfo.fr',
  'www.mediapart.fr',
  'chatons.org',
  'www.april.org',
  'www.openstreetmap.org',
  'joinmastodon.org',
  'framapiaf.org',
  'www.rts.ch',
  'www.rtbf.be',
  'www.lesoir.be',
  'www.radio-canada.ca',
  'www.lapresse.ca',
  'www.bbc.co.uk',
  'www.spiegel.de',
  'stackoverflow.com',
  'developer.mozilla.org',
  'news.ycombinator.com',
  'www.legifrance.gouv.fr',
  'www.nytimes.com',
  'docs.python.org',
  'www.debian.org',
  'gitlab.com',
  'codeberg.org',
  'www.qwant.com',
  'duckduckgo.com',
  'www.ecosia.org',
  'www.amazon.fr',
  'www.fnac.com',
  'www.cdiscount.com',
  'www.doctolib.fr',
  'www.allocine.fr',
  'www.marmiton.org',
  'www.20minutes.fr',
  'www.lefigaro.fr',
  'www.larousse.fr',
  'www.wordreference.com',
  'accounts.google.com',
  'www.associations.gouv.fr',
  'support.google.com',
  'www.microsoft.com',
  'support.apple.com',
  'www.apple.com',
  'about.meta.com',
  'www.whatsapp.com',
  'blog.zoom.example',
  'mail.proton.me',
  'www.ovh.com',
];
const TLDS = ['com', 'fr', 'org', 'net', 'be', 'ch', 'ca', 'de', 'io', 'info', 'eu', 'co.uk', 'example'];
const WORDS = [
  'chat',
  'mail',
  'docs',
  'drive',
  'meet',
  'zoom',
  'forum',
  'blog',
  'shop',
  'news',
  'photo',
  'video',
  'cloud',
  'pad',
  'date',
  'app',
  'web',
  'www',
  'assoc',
  'mairie',
  'lyon',
  'paris',
  'data',
];
const PATHS = [
  '/',
  '/index.html',
  '/fr/',
  '/article/2025/03/10/une-nouvelle',
  '/search?q=chatons',
  '/u/0/',
  '/login',
  '/about',
  '/p/AbC123',
  '/watch?v=dQw4w9WgXcQ',
  '/events/123',
  '/document/d/1AbC/edit',
];
const NON_WEB = [
  'about:blank',
  'chrome://newtab/',
  'moz-extension://0a1b2c/popup.html',
  'file:///home/user/doc.html',
  'data:text/html,<p>hi</p>',
  'view-source:https://mail.google.com/',
  'blob:https://mail.google.com/1234',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function randomLabel(random: () => number): string {
  return `${pick(random, WORDS)}${random() < 0.5 ? '' : Math.floor(random() * 100)}`;
}

function decorate(random: () => number, url: string): string {
  let out = url;
  const r = random();
  if (r < 0.3) out += `${out.includes('?') ? '&' : '?'}utm_source=${randomLabel(random)}`;
  else if (r < 0.4) out += `#${randomLabel(random)}`;
  return out;
}

function serviceUrl(random: () => number, rule: MatchRule): string {
  let host = rule.host;
  if (rule.countryDomains && random() < 0.5)
    host = host.replace(/\.com$/, `.${pick(random, COUNTRY_DOMAIN_SUFFIXES)}`);
  if (rule.subdomains) {
    const r = random();
    if (r < 0.5) host = `www.${host}`;
    else if (r < 0.8) host = `${randomLabel(random)}.${host}`;
  }
  if (random() < 0.05) host = host.toUpperCase();
  const path = rule.paths ? `${pick(random, rule.paths)}/${randomLabel(random)}` : pick(random, PATHS);
  const port = random() < 0.02 ? ':443' : '';
  return decorate(random, `https://${host}${port}${path}`);
}

function lookalikeUrl(random: () => number, host: string): string {
  switch (Math.floor(random() * 5)) {
    case 0:
      return `https://${host}.${randomLabel(random)}.example/`;
    case 1:
      return `https://not-${host.replace(/\./g, '-')}.com/`;
    case 2:
      return `https://${host}@${randomLabel(random)}.example/login`;
    case 3:
      return `https://${randomLabel(random)}.example/?u=https://${host}/`;
    default:
      return `https://x${host}/`;
  }
}

/** A deterministic corpus: ~35% catalogued, ~10% look-alikes, ~52% other sites, ~3% non-web. */
export function buildCorpus(source: Catalogue, size: number, seed = 20251123): string[] {
  const random = mulberry32(seed);
  const rules = source.services.flatMap((service) => service.match);
  const corpus: string[] = [];
  for (let i = 0; i < size; i++) {
    const r = random();
    if (r < 0.35) corpus.push(serviceUrl(random, pick(random, rules)));
    else if (r < 0.45) corpus.push(lookalikeUrl(random, pick(random, rules).host));
    else if (r < 0.72)
      corpus.push(decorate(random, `https://${pick(random, OTHER_SITES)}${pick(random, PATHS)}`));
    else if (r < 0.97)
      corpus.push(
        decorate(
          random,
          `https://${randomLabel(random)}.${randomLabel(random)}.${pick(random, TLDS)}${pick(random, PATHS)}`,
        ),
      );
    else corpus.push(pick(random, NON_WEB));
  }
  // URLs reach the background as flat strings (structured clone), not as concatenation ropes.
  return JSON.parse(JSON.stringify(corpus)) as string[];
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * The naive baseline: one case-insensitive regular expression per rule over the whole URL,
 * tried in turn, most specific rules first (exact hosts, then paths, then longer hosts) so that
 * it gives the same answers as the compiled classifier on ordinary URLs.
 */
export function compileNaiveBaseline(source: Catalogue): {
  rules: number;
  classify: (url: string) => string | null;
} {
  const entries: { re: RegExp; service: string; rank: number }[] = [];
  for (const service of source.services) {
    for (const rule of service.match) {
      let host = escape(rule.host);
      if (rule.countryDomains) {
        const suffixes = ['com', ...COUNTRY_DOMAIN_SUFFIXES].map(escape).join('|');
        host = `${escape(rule.host.replace(/\.com$/, ''))}\\.(?:${suffixes})`;
      }
      if (rule.subdomains) host = `(?:[^/?#@]*\\.)?${host}`;
      const path = rule.paths ? `(?:${rule.paths.map(escape).join('|')})(?:[/?#]|$)` : '(?:[/?#]|$)';
      const re = new RegExp(`^https?://(?:[^/?#]*@)?${host}\\.?(?::\\d*)?${path}`, 'i');
      const rank = (rule.subdomains ? 0 : 1_000_000) + (rule.paths ? 10_000 : 0) + rule.host.length;
      entries.push({ re, service: service.id, rank });
    }
  }
  entries.sort((a, b) => b.rank - a.rank);
  return {
    rules: entries.length,
    classify(url: string): string | null {
      for (const entry of entries) if (entry.re.test(url)) return entry.service;
      return null;
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function contender(medianMs: number, size: number): ContenderResult {
  return {
    medianRoundMs: medianMs,
    urlsPerSecond: (size / medianMs) * 1000,
    microsPerUrl: (medianMs * 1000) / size,
  };
}

export function runClassifyBench(options: ClassifyBenchOptions = {}): ClassifyBenchResult {
  const size = options.size ?? 120_000;
  const rounds = options.rounds ?? 7;
  const corpus = buildCorpus(catalogue, size, options.seed);
  const compiled = compileClassifier(catalogue);
  const baseline = compileNaiveBaseline(catalogue);

  // Both produce a service id (or null) per URL; the sink keeps the work from being optimised away.
  let sink = 0;
  const runCompiled = (): number => {
    const start = performance.now();
    for (const url of corpus) if (compiled.classify(url) !== null) sink++;
    return performance.now() - start;
  };
  const runBaseline = (): number => {
    const start = performance.now();
    for (const url of corpus) if (baseline.classify(url) !== null) sink++;
    return performance.now() - start;
  };

  runCompiled();
  runBaseline();
  const compiledTimes: number[] = [];
  const baselineTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    compiledTimes.push(runCompiled());
    baselineTimes.push(runBaseline());
  }

  let matched = 0;
  for (const url of corpus) if (compiled.classify(url) !== null) matched++;
  const examples: ClassifyBenchResult['agreement']['examples'] = [];
  let sampled = 0;
  let disagreements = 0;
  for (let i = 0; i < corpus.length; i += 10) {
    const url = corpus[i] ?? '';
    const a = compiled.classify(url)?.service ?? null;
    const b = baseline.classify(url);
    sampled++;
    if (a !== b) {
      disagreements++;
      if (examples.length < 5) examples.push({ url, compiled: a, baseline: b });
    }
  }
  if (sink < 0) console.log(sink);

  const compiledResult = contender(median(compiledTimes), size);
  const baselineResult = contender(median(baselineTimes), size);
  return {
    corpusSize: size,
    rounds,
    baselineRules: baseline.rules,
    compiled: compiledResult,
    baseline: baselineResult,
    ratio: compiledResult.urlsPerSecond / baselineResult.urlsPerSecond,
    matched,
    agreement: { sampled, disagreements, examples },
  };
}

function format(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function main(): void {
  const result = runClassifyBench();
  console.log(
    `classify: ${format(result.corpusSize)} URLs (${format(result.matched)} catalogued), median of ${result.rounds} rounds`,
  );
  console.log(
    `  compiled classifier : ${format(result.compiled.urlsPerSecond)} URLs/s, ${result.compiled.microsPerUrl.toFixed(3)} µs/URL`,
  );
  console.log(
    `  naive baseline      : ${format(result.baseline.urlsPerSecond)} URLs/s, ${result.baseline.microsPerUrl.toFixed(3)} µs/URL (${result.baselineRules} regular expressions)`,
  );
  console.log(`  ratio               : ${result.ratio.toFixed(1)}× (target ≥ 20×, and < 2 µs/URL)`);
  console.log(
    `  agreement           : ${result.agreement.disagreements} disagreements on ${format(result.agreement.sampled)} sampled URLs`,
  );
  for (const example of result.agreement.examples)
    console.log(`    ${example.url} compiled=${example.compiled} baseline=${example.baseline}`);
}

if (isMainModule(import.meta.url)) main();
