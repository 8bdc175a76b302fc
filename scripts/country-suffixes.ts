// npm run catalogue:suffixes: writes src/core/catalogue/country-suffixes.ts from tldts's copy of
// the Public Suffix List (run it after updating tldts; the unit tests say when it is needed).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { countrySuffixesFromPsl, countrySuffixesModule } from './lib/country-suffixes';

const root = resolve(import.meta.dirname, '..');
const version = (
  JSON.parse(readFileSync(resolve(root, 'node_modules/tldts/package.json'), 'utf8')) as { version: string }
).version;
const out = resolve(root, 'src/core/catalogue/country-suffixes.ts');
const table = countrySuffixesFromPsl();
writeFileSync(out, countrySuffixesModule(table, version));
console.log(
  `${out}: ${table.size} country-code top-level domains, ${[...table.values()].reduce((n, list) => n + list.length, 0)} suffixes under them`,
);
