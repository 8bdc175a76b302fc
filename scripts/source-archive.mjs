#!/usr/bin/env node
// `npm run package` (last step): the source archive addons.mozilla.org asks for when an add-on
// ships minified code. It is the repository at the current commit (git archive): no
// node_modules, no dist, nothing untracked. A reviewer rebuilds with README's "Build from source".
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

let commit;
try {
  commit = git('rev-parse', 'HEAD');
} catch {
  console.error(
    'The source archive is made with git archive: run `npm run package` in a git clone of Matou.',
  );
  process.exit(1);
}
const dirty = git('status', '--porcelain', '--untracked-files=no');
if (dirty)
  console.warn(
    `Warning: uncommitted changes are NOT in the source archive (it is commit ${commit.slice(0, 12)}):\n${dirty}`,
  );

const out = join(root, 'dist', 'packages', `matou-source-${version}.zip`);
mkdirSync(dirname(out), { recursive: true });
git('archive', '--format=zip', `--prefix=matou-${version}/`, '-o', out, commit);
console.log(`Source archive (commit ${commit.slice(0, 12)}): ${out}`);
