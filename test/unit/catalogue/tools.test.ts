/** @vitest-environment node */
// The Node tools: classify's output lines, the manifest rewrite, the bench's corpus and baseline.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../src/catalogue';
import { compileClassifier } from '../../../src/core/catalogue';
import { classifyLines } from '../../../scripts/classify';
import { buildCorpus, compileNaiveBaseline, runClassifyBench } from '../../../scripts/bench/classify';
import { renderIndex, readCatalogueFiles } from '../../../scripts/lib/catalogue-files';
import { readFileSync } from 'node:fs';

describe('classify CLI', () => {
  it('prints one JSON object per URL with the four keys, null when nothing matches', () => {
    const lines = classifyLines(['https://meet.google.com/abc-defg-hij', 'https://framasoft.org/']);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        url: 'https://meet.google.com/abc-defg-hij',
        service: 'google-meet',
        category: 'video-conference',
        owner: 'google',
      },
      { url: 'https://framasoft.org/', service: null, category: null, owner: null },
    ]);
    expect(Object.keys(JSON.parse(lines[0] ?? '{}') as object)).toEqual([
      'url',
      'service',
      'category',
      'owner',
    ]);
  });
});

describe('catalogue files', () => {
  it('index.ts is the one generated from the folders', () => {
    const disk = readCatalogueFiles();
    expect(disk.unreadable).toEqual([]);
    expect(readFileSync(new URL('../../../src/catalogue/index.ts', import.meta.url), 'utf8')).toBe(
      renderIndex(disk.listing),
    );
  });
});

describe('bench:classify', () => {
  it('builds the same corpus from the same seed, with catalogued and other sites', () => {
    const a = buildCorpus(catalogue, 2000, 7);
    expect(buildCorpus(catalogue, 2000, 7)).toEqual(a);
    const classifier = compileClassifier(catalogue);
    const matched = a.filter((url) => classifier.classify(url) !== null).length;
    expect(matched).toBeGreaterThan(400);
    expect(matched).toBeLessThan(1400);
  });

  it('has a baseline that agrees with the compiled classifier on the corpus', () => {
    const classifier = compileClassifier(catalogue);
    const baseline = compileNaiveBaseline(catalogue);
    for (const url of buildCorpus(catalogue, 5000, 11))
      expect(baseline.classify(url), url).toBe(classifier.classify(url)?.service ?? null);
  });

  it('reports throughput for both and their ratio', () => {
    const result = runClassifyBench({ size: 3000, rounds: 1 });
    expect(result.corpusSize).toBe(3000);
    expect(result.compiled.urlsPerSecond).toBeGreaterThan(0);
    expect(result.baseline.urlsPerSecond).toBeGreaterThan(0);
    expect(result.ratio).toBeCloseTo(result.compiled.urlsPerSecond / result.baseline.urlsPerSecond);
    expect(result.agreement.disagreements).toBe(0);
  });
});
