// One cold load of a snapshot file, in a process of its own (bench:directory starts it): what a
// fresh background pays the first time it reads a copy, before V8 has optimised a line of the
// parse, the validation or the index. Prints one line of JSON: { parseMs, validateMs, indexMs }.
//
//   node --import tsx scripts/bench/directory-cold.ts <snapshot.json>
import { readFileSync } from 'node:fs';
import { indexDirectory } from '../../src/core/directory/rank';
import { parseSnapshot } from '../../src/core/directory/snapshot';

const json = readFileSync(process.argv[2]!, 'utf8');
const start = performance.now();
const raw: unknown = JSON.parse(json);
const parsed = performance.now();
const loaded = parseSnapshot(raw);
const validated = performance.now();
if (!loaded.ok) throw new Error(`the snapshot does not load: ${loaded.reason}`);
indexDirectory(loaded.snapshot);
const indexed = performance.now();
process.stdout.write(
  `${JSON.stringify({ parseMs: parsed - start, validateMs: validated - parsed, indexMs: indexed - validated })}\n`,
);
