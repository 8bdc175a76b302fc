// npm run catalogue:check [-- --fix-index] [-- --fix-manifest]
//
// Checks the catalogue files (shape, unique ids, references, rules, every example matching its
// service and every look-alike matching nothing), that src/catalogue/index.ts lists exactly the
// files of the folders, and that manifest.json's content_scripts[0].matches is what the
// catalogue derives. Prints one summary line, or the problems (file, field, hint), and exits 1.
//   --fix-index     rewrites src/catalogue/index.ts from the folders first
//   --fix-manifest  rewrites content_scripts[0].matches in manifest.json (and nothing else)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentScriptMatches, validateCatalogue, type CatalogueProblem } from '../src/core/catalogue';
import { validateGuides } from '../src/core/guides';
import {
  REPO_ROOT,
  indexedFiles,
  isMainModule,
  manifestMatches,
  readCatalogueFiles,
  renderIndex,
  writeIndex,
  writeManifestMatches,
} from './lib/catalogue-files';
import { readGuideFiles } from './lib/guide-files';

const INDEX = 'src/catalogue/index.ts';
const MANIFEST = 'manifest.json';

function difference(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return a.filter((item) => !other.has(item));
}

export interface CheckOptions {
  fixIndex?: boolean;
  fixManifest?: boolean;
  /** The repository to check (this one by default; tests pass a copy). */
  root?: string;
}

export function checkCatalogue(options: CheckOptions = {}): {
  problems: CatalogueProblem[];
  summary: string;
} {
  const root = options.root ?? REPO_ROOT;
  const disk = readCatalogueFiles(root);
  if (options.fixIndex) writeIndex(disk.listing, root);
  const guideFiles = readGuideFiles(root);
  const problems: CatalogueProblem[] = [...disk.unreadable, ...guideFiles.unreadable].map(
    ({ file, message, line, column }) => {
      const where = line === undefined ? '' : `line ${line}, column ${column ?? 1}`;
      return {
        file,
        field: where,
        message: `not valid JSON: ${message}`,
        hint: `${where ? `Look at ${where} and just before it` : 'Look through the file'}: a missing comma between two fields, a comma after the last one, a missing quote or bracket. JSON has no comments.`,
      };
    },
  );

  const { catalogue, problems: found } = validateCatalogue(disk.raw, disk.files);
  problems.push(...found);

  // The guides name services: check those against the catalogue's files as read, even when
  // another part of the catalogue has a problem (only an unreadable service file leaves it open).
  const serviceIds = disk.files.unreadable.some((file) => file.includes('/services/'))
    ? null
    : new Set(
        disk.raw.services
          .map((s) => (typeof s === 'object' && s !== null ? (s as { id?: unknown }).id : undefined))
          .filter((id): id is string => typeof id === 'string'),
      );
  const guides = validateGuides(
    guideFiles.raw,
    guideFiles.files,
    serviceIds,
    guideFiles.unreadable.map((u) => u.file),
  );
  problems.push(...guides.problems);

  // The static import list must name exactly the files of the folders.
  const indexed = indexedFiles(root);
  for (const folder of ['software', 'services'] as const) {
    for (const name of difference(disk.listing[folder], indexed[folder])) {
      problems.push({
        file: INDEX,
        field: `${folder}`,
        message: `src/catalogue/${folder}/${name} is not imported`,
        hint: 'Run `npm run catalogue:check -- --fix-index` to regenerate the import list.',
      });
    }
    for (const name of difference(indexed[folder], disk.listing[folder])) {
      problems.push({
        file: INDEX,
        field: `${folder}`,
        message: `imports src/catalogue/${folder}/${name}, which does not exist`,
        hint: 'Run `npm run catalogue:check -- --fix-index` to regenerate the import list.',
      });
    }
  }
  if (
    problems.every((p) => p.file !== INDEX) &&
    readFileSync(join(root, INDEX), 'utf8') !== renderIndex(disk.listing)
  ) {
    problems.push({
      file: INDEX,
      field: '',
      message: 'the file differs from the one generated from the folders',
      hint: 'Do not edit it by hand: run `npm run catalogue:check -- --fix-index`.',
    });
  }

  let patterns = 0;
  if (catalogue) {
    const expected = contentScriptMatches(catalogue);
    patterns = expected.length;
    if (options.fixManifest) writeManifestMatches(expected, root);
    const actual = manifestMatches(root);
    for (const pattern of difference(expected, actual)) {
      problems.push({
        file: MANIFEST,
        field: 'content_scripts[0].matches',
        message: `${pattern} is missing`,
        hint: 'Run `npm run catalogue:check -- --fix-manifest`: the list is derived from the catalogue.',
      });
    }
    for (const pattern of difference(actual, expected)) {
      problems.push({
        file: MANIFEST,
        field: 'content_scripts[0].matches',
        message: `${pattern} is not derived from the catalogue`,
        hint: 'Run `npm run catalogue:check -- --fix-manifest`, or add a rule to a service if the host really belongs there.',
      });
    }
  }

  const examples = catalogue?.services.reduce((sum, service) => sum + service.examples.length, 0) ?? 0;
  const lookalikes = catalogue?.services.reduce((sum, service) => sum + service.lookalikes.length, 0) ?? 0;
  const summary = catalogue
    ? `catalogue: ${catalogue.services.length} services, ${catalogue.software.length} software, ${catalogue.categories.length} categories, ${examples} examples, ${lookalikes} look-alikes, ${patterns} content-script patterns, ${guideFiles.raw.length} migration guides`
    : 'catalogue';
  return { problems, summary };
}

/** What the command prints for the problems found: the file, the field, what is wrong, what to do. */
export function formatProblems(problems: readonly CatalogueProblem[], summary: string): string {
  const lines = [`${summary}: ${problems.length} problem${problems.length > 1 ? 's' : ''}`];
  for (const problem of problems) {
    lines.push(
      '',
      `${problem.file}${problem.field ? ` — ${problem.field}` : ''}`,
      `  ${problem.message}`,
      `  hint: ${problem.hint}`,
    );
  }
  return lines.join('\n');
}

function main(argv: string[]): number {
  const { problems, summary } = checkCatalogue({
    fixIndex: argv.includes('--fix-index'),
    fixManifest: argv.includes('--fix-manifest'),
  });
  if (problems.length === 0) {
    console.log(`${summary} — OK`);
    return 0;
  }
  console.error(formatProblems(problems, summary));
  return 1;
}

if (isMainModule(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
