/** @vitest-environment node */
// The classifier tables the build compiles for the worker (virtual:classifier-tables): the same
// as compiling the catalogue the extension imports, and, after their trip through JSON, a
// classifier that recognises every example as its service and every look-alike as nothing.
import { mkdtempSync, cpSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import tables from 'virtual:classifier-tables';
import { catalogue } from '../../../src/catalogue';
import { classifierFromTables, compileClassifierTables } from '../../../src/core/catalogue/classifier';
import { classifierTablesOnDisk } from '../../../scripts/lib/classifier-tables-plugin';

describe('virtual:classifier-tables', () => {
  it('holds the tables of the catalogue src/catalogue/index.ts lists', () => {
    expect(tables).toEqual(compileClassifierTables(catalogue));
    expect(tables.exact.length).toBeGreaterThan(50);
  });

  it('gives a classifier that knows every example and no look-alike', () => {
    const classifier = classifierFromTables(JSON.parse(JSON.stringify(tables)) as typeof tables);
    for (const service of catalogue.services) {
      for (const url of service.examples) expect(classifier.classify(url)?.service, url).toBe(service.id);
      for (const url of service.lookalikes) expect(classifier.classify(url), url).toBeNull();
    }
  });

  it('refuses to build from a service file that is not JSON', () => {
    const root = mkdtempSync(join(tmpdir(), 'matou-tables-'));
    try {
      cpSync(resolve(import.meta.dirname, '../../../src/catalogue'), join(root, 'src/catalogue'), {
        recursive: true,
      });
      writeFileSync(join(root, 'src/catalogue/services/gmail.json'), '{ "id": "gmail",');
      expect(() => classifierTablesOnDisk(root)).toThrow(/gmail\.json/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
