// Reproducible builds: addons.mozilla.org reviewers rebuild Matou from the source archive and
// compare. Two builds of the Firefox extension from the same commit must be byte-identical.
// (Here with the e2e tests: two full builds are too slow for the unit suite.)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const vite = join(root, 'node_modules/vite/bin/vite.js');
const scratch = mkdtempSync(join(tmpdir(), 'matou-repro-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function buildFirefox(outDir: string): void {
  execFileSync(
    process.execPath,
    [vite, 'build', '--mode', 'firefox', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: root, stdio: 'pipe' },
  );
}

/** Every file of a tree, by path, with the SHA-256 of its bytes. */
function digest(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

test('two builds of dist/firefox from the same sources are byte-identical', { timeout: 180_000 }, () => {
  const first = join(scratch, 'first');
  const second = join(scratch, 'second');
  buildFirefox(first);
  buildFirefox(second);
  const a = digest(first);
  expect(Object.keys(a)).toContain('manifest.json');
  expect(Object.keys(a).length).toBeGreaterThan(10);
  expect(digest(second)).toEqual(a);
});
