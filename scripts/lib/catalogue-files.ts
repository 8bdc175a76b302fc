// The catalogue as files on disk, for the Node tools: reading every JSON file with its name,
// writing src/catalogue/index.ts (the static import list the extension and tests use), and
// reading or rewriting the manifest's content-script hosts.
import { readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CatalogueFiles } from '../../src/core/catalogue';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CATALOGUE_ROOT = join(REPO_ROOT, 'src/catalogue');
export const INDEX_FILE = join(CATALOGUE_ROOT, 'index.ts');
export const MANIFEST_FILE = join(REPO_ROOT, 'manifest.json');

export interface CatalogueOnDisk {
  raw: { categories: unknown; software: unknown[]; services: unknown[] };
  files: Required<CatalogueFiles>;
  /** File names (`gmail.json`) per folder, sorted. */
  listing: { software: string[]; services: string[] };
  /** Files that are not valid JSON. */
  unreadable: { file: string; message: string }[];
}

const rel = (path: string): string => relative(REPO_ROOT, path).split('\\').join('/');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/** Reads categories.json, software/*.json and services/*.json. Never throws on bad JSON. */
export function readCatalogueFiles(): CatalogueOnDisk {
  const unreadable: CatalogueOnDisk['unreadable'] = [];
  const read = (path: string): unknown => {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as unknown;
    } catch (error) {
      unreadable.push({ file: rel(path), message: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  };
  const categoriesPath = join(CATALOGUE_ROOT, 'categories.json');
  const software = jsonFiles(join(CATALOGUE_ROOT, 'software'));
  const services = jsonFiles(join(CATALOGUE_ROOT, 'services'));
  const softwarePaths = software.map((name) => join(CATALOGUE_ROOT, 'software', name));
  const servicePaths = services.map((name) => join(CATALOGUE_ROOT, 'services', name));
  const raw = {
    categories: read(categoriesPath),
    software: softwarePaths.map(read),
    services: servicePaths.map(read),
  };
  // Unreadable files are reported on their own; leave them out of the validation.
  const keep = (paths: string[], values: unknown[]): [string[], unknown[]] => {
    const kept = paths.map((path, i) => [rel(path), values[i]] as const).filter(([, value]) => value !== undefined);
    return [kept.map(([path]) => path), kept.map(([, value]) => value)];
  };
  const [softwareFiles, softwareValues] = keep(softwarePaths, raw.software);
  const [serviceFiles, serviceValues] = keep(servicePaths, raw.services);
  return {
    raw: { categories: raw.categories ?? [], software: softwareValues, services: serviceValues },
    files: { categories: rel(categoriesPath), software: softwareFiles, services: serviceFiles },
    listing: { software, services },
    unreadable,
  };
}

function identifier(prefix: string, name: string): string {
  return `${prefix}_${name.replace(/\.json$/, '').replace(/[^a-zA-Z0-9]/g, '_')}`;
}

/** The source of src/catalogue/index.ts for the files in the folders. */
export function renderIndex(listing: { software: string[]; services: string[] }): string {
  const lines = [
    '// The catalogue, as one object for the extension, the tests and the Node tools.',
    '// GENERATED from the files of this folder by `npm run catalogue:check -- --fix-index`:',
    '// add or remove a file there, then run that command. `npm run catalogue:check` fails when',
    '// this list and the folders differ.',
    "import type { Catalogue } from '../core/catalogue/types';",
    "import categories from './categories.json';",
  ];
  for (const name of listing.software) lines.push(`import ${identifier('software', name)} from './software/${name}';`);
  for (const name of listing.services) lines.push(`import ${identifier('service', name)} from './services/${name}';`);
  lines.push(
    '',
    'export const catalogue: Catalogue = {',
    '  categories,',
    '  software: [',
    ...listing.software.map((name) => `    ${identifier('software', name)},`),
    '  ],',
    '  services: [',
    ...listing.services.map((name) => `    ${identifier('service', name)},`),
    '  ],',
    '};',
    '',
  );
  return lines.join('\n');
}

/** The JSON files src/catalogue/index.ts imports, per folder, in its order. */
export function indexedFiles(): { software: string[]; services: string[] } {
  const source = readFileSync(INDEX_FILE, 'utf8');
  const pick = (folder: string): string[] =>
    [...source.matchAll(new RegExp(`from '\\./${folder}/([^']+\\.json)'`, 'g'))].map((match) => match[1] ?? '');
  return { software: pick('software'), services: pick('services') };
}

export function writeIndex(listing: { software: string[]; services: string[] }): void {
  writeFileSync(INDEX_FILE, renderIndex(listing));
}

interface ManifestShape {
  content_scripts?: { matches?: string[] }[];
}

/** `content_scripts[0].matches` of manifest.json. */
export function manifestMatches(): string[] {
  const manifest = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as ManifestShape;
  return manifest.content_scripts?.[0]?.matches ?? [];
}

/**
 * Rewrites only `content_scripts[0].matches` in manifest.json, keeping the rest of the file
 * byte for byte (other people edit the other keys).
 */
export function writeManifestMatches(patterns: readonly string[]): void {
  const text = readFileSync(MANIFEST_FILE, 'utf8');
  const start = text.indexOf('"content_scripts"');
  const key = start < 0 ? -1 : text.indexOf('"matches"', start);
  const open = key < 0 ? -1 : text.indexOf('[', key);
  const close = open < 0 ? -1 : text.indexOf(']', open);
  if (close < 0) throw new Error('manifest.json: content_scripts[0].matches not found');
  const lineStart = text.lastIndexOf('\n', key) + 1;
  const indent = text.slice(lineStart, key);
  const items = patterns.map((pattern) => `${indent}  ${JSON.stringify(pattern)}`).join(',\n');
  const next = `${text.slice(0, open)}[\n${items}\n${indent}]${text.slice(close + 1)}`;
  JSON.parse(next); // never write a broken manifest
  writeFileSync(MANIFEST_FILE, next);
}

/** Whether the module at `moduleUrl` is the script Node was asked to run (not an import). */
export function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return moduleUrl === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}
