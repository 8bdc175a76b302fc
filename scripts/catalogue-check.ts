// npm run catalogue:check [-- --fix-index] [-- --fix-manifest]
//
// Checks the catalogue files (shape, unique ids, references, rules, every example matching its
// service and every look-alike matching nothing), that src/catalogue/index.ts lists exactly the
// files of the folders, and that manifest.json's content_scripts[0].matches is what the
// catalogue derives. Prints one summary line, or the problems (file, field, hint), and exits 1.
//   --fix-index     rewrites src/catalogue/index.ts from the folders first
//   --fix-manifest  rewrites content_scripts[0].matches in manifest.json (and nothing else)
import { readFileSync } from 'node:fs';
import { contentScriptMatches, validateCatalogue, type CatalogueProblem } from '../src/core/catalogue';
import {
  INDEX_FILE,
  indexedFiles,
  isMainModule,
  manifestMatches,
  readCatalogueFiles,
  renderIndex,
  writeIndex,
  writeManifestMatches,
} from './lib/catalogue-files';

const INDEX = 'src/catalogue/index.ts';
const MANIFEST = 'manifest.json';

function difference(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return a.filter((item) => !other.has(item));
}

export function checkCatalogue(options: { fixIndex?: boolean; fixManifest?: boolean } = {}): { problems: CatalogueProblem[]; summary: string } {
  const disk = readCatalogueFiles();
  if (options.fixIndex) writeIndex(disk.listing);
  const problems: CatalogueProblem[] = disk.unreadable.map(({ file, message }) => ({
    file,
    field: '',
    message: `not valid JSON: ${message}`,
    hint: 'Fix the JSON syntax (a missing comma or quote, a trailing comma).',
  }));

  const { catalogue, problems: found } = validateCatalogue(disk.raw, disk.files);
  problems.push(...found);

  // The static import list must name exactly the files of the folders.
  const indexed = indexedFiles();
  for (const folder of ['software', 'services'] as const) {
    for (const name of difference(disk.listing[folder], indexed[folder])) {
      problems.push({ file: INDEX, field: `${folder}`, message: `src/catalogue/${folder}/${name} is not imported`, hint: 'Run `npm run catalogue:check -- --fix-index` to regenerate the import list.' });
    }
    for (const name of difference(indexed[folder], disk.listing[folder])) {
      problems.push({ file: INDEX, field: `${folder}`, message: `imports src/catalogue/${folder}/${name}, which does not exist`, hint: 'Run `npm run catalogue:check -- --fix-index` to regenerate the import list.' });
    }
  }
  if (problems.every((p) => p.file !== INDEX) && readFileSync(INDEX_FILE, 'utf8') !== renderIndex(disk.listing)) {
    problems.push({ file: INDEX, field: '', message: 'the file differs from the one generated from the folders', hint: 'Do not edit it by hand: run `npm run catalogue:check -- --fix-index`.' });
  }

  let patterns = 0;
  if (catalogue) {
    const expected = contentScriptMatches(catalogue);
    patterns = expected.length;
    if (options.fixManifest) writeManifestMatches(expected);
    const actual = manifestMatches();
    for (const pattern of difference(expected, actual)) {
      problems.push({ file: MANIFEST, field: 'content_scripts[0].matches', message: `${pattern} is missing`, hint: 'Run `npm run catalogue:check -- --fix-manifest`: the list is derived from the catalogue.' });
    }
    for (const pattern of difference(actual, expected)) {
      problems.push({ file: MANIFEST, field: 'content_scripts[0].matches', message: `${pattern} is not derived from the catalogue`, hint: 'Run `npm run catalogue:check -- --fix-manifest`, or add a rule to a service if the host really belongs there.' });
    }
  }

  const examples = catalogue?.services.reduce((sum, service) => sum + service.examples.length, 0) ?? 0;
  const lookalikes = catalogue?.services.reduce((sum, service) => sum + service.lookalikes.length, 0) ?? 0;
  const summary = catalogue
    ? `catalogue: ${catalogue.services.length} services, ${catalogue.software.length} software, ${catalogue.categories.length} categories, ${examples} examples, ${lookalikes} look-alikes, ${patterns} content-script patterns`
    : 'catalogue';
  return { problems, summary };
}

function main(argv: string[]): number {
  const { problems, summary } = checkCatalogue({ fixIndex: argv.includes('--fix-index'), fixManifest: argv.includes('--fix-manifest') });
  if (problems.length === 0) {
    console.log(`${summary} — OK`);
    return 0;
  }
  console.error(`${summary}: ${problems.length} problem${problems.length > 1 ? 's' : ''}`);
  for (const problem of problems) {
    console.error(`\n${problem.file}${problem.field ? ` — ${problem.field}` : ''}\n  ${problem.message}\n  hint: ${problem.hint}`);
  }
  return 1;
}

if (isMainModule(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
