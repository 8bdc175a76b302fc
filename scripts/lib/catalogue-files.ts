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
  /** Files that are not valid JSON: the parser's words, and where it stopped (1-based) when it says. */
  unreadable: JsonError[];
}

export interface JsonError {
  file: string;
  message: string;
  line?: number;
  column?: number;
}

/**
 * Where a JSON text stops being valid JSON (an offset), or null when it is valid. Node's own
 * message gives the position for some mistakes only ("Unexpected token ']'" has none).
 */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const stop = (): never => {
    throw new RangeError(String(i));
  };
  const spaces = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const string = (): void => {
    i++; // the opening quote
    for (;;) {
      const c = text.charAt(i);
      if (c === '' || c < ' ') stop();
      if (c === '"') {
        i++;
        return;
      }
      if (c !== '\\') i++;
      else if (text.charAt(i + 1) === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
      else if ('"\\/bfnrt'.includes(text.charAt(i + 1)) && text.charAt(i + 1) !== '') i += 2;
      else stop();
    }
  };
  const list = (close: string, item: () => void): void => {
    i++; // the opening bracket
    spaces();
    if (text.charAt(i) === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      spaces();
      if (text.charAt(i) === ',') i++;
      else if (text.charAt(i) === close) {
        i++;
        return;
      } else stop();
    }
  };
  const value = (): void => {
    spaces();
    const c = text.charAt(i);
    if (c === '{') {
      list('}', () => {
        spaces();
        if (text.charAt(i) !== '"') stop();
        string();
        spaces();
        if (text.charAt(i) !== ':') stop();
        i++;
        value();
      });
    } else if (c === '[') list(']', value);
    else if (c === '"') string();
    else {
      const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i));
      if (!literal) stop();
      i += literal?.[0].length ?? 0;
    }
  };
  try {
    value();
    spaces();
    if (i < text.length) stop();
    return null;
  } catch (error) {
    if (error instanceof RangeError) return Number(error.message);
    throw error;
  }
}

/**
 * Node's JSON.parse error in a contributor's terms: the message without "in JSON at position N"
 * or the quoted text, and where it went wrong as a line and a column (1-based).
 */
export function describeJsonError(text: string, error: unknown): Omit<JsonError, 'file'> {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw);
  const message = raw
    .replace(/^(Unexpected token .+?), (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '$1')
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s+(?:in JSON )?at position \d+/, '')
    .replace(
      /^Unexpected end of JSON input$/,
      'the file ends too early (a closing } or ] or a quote is missing)',
    )
    .trim();
  const offset = position ? Number(position[1]) : jsonErrorOffset(text);
  if (offset === null) return { message };
  const before = text.slice(0, Math.min(offset, text.length));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { message, line, column };
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/**
 * Reads categories.json, software/*.json and services/*.json of the repository at `root`
 * (this one by default). Never throws on bad JSON.
 */
export function readCatalogueFiles(root: string = REPO_ROOT): CatalogueOnDisk {
  const catalogueRoot = join(root, 'src/catalogue');
  const rel = (path: string): string => relative(root, path).split('\\').join('/');
  const unreadable: CatalogueOnDisk['unreadable'] = [];
  const read = (path: string): unknown => {
    const text = readFileSync(path, 'utf8');
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      unreadable.push({ file: rel(path), ...describeJsonError(text, error) });
      return undefined;
    }
  };
  const categoriesPath = join(catalogueRoot, 'categories.json');
  const software = jsonFiles(join(catalogueRoot, 'software'));
  const services = jsonFiles(join(catalogueRoot, 'services'));
  const softwarePaths = software.map((name) => join(catalogueRoot, 'software', name));
  const servicePaths = services.map((name) => join(catalogueRoot, 'services', name));
  const raw = {
    categories: read(categoriesPath),
    software: softwarePaths.map(read),
    services: servicePaths.map(read),
  };
  // Unreadable files are reported on their own; leave them out of the validation.
  const keep = (paths: string[], values: unknown[]): [string[], unknown[]] => {
    const kept = paths
      .map((path, i) => [rel(path), values[i]] as const)
      .filter(([, value]) => value !== undefined);
    return [kept.map(([path]) => path), kept.map(([, value]) => value)];
  };
  const [softwareFiles, softwareValues] = keep(softwarePaths, raw.software);
  const [serviceFiles, serviceValues] = keep(servicePaths, raw.services);
  return {
    raw: { categories: raw.categories ?? [], software: softwareValues, services: serviceValues },
    files: {
      categories: rel(categoriesPath),
      software: softwareFiles,
      services: serviceFiles,
      unreadable: unreadable.map((u) => u.file),
    },
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
  for (const name of listing.software)
    lines.push(`import ${identifier('software', name)} from './software/${name}';`);
  for (const name of listing.services)
    lines.push(`import ${identifier('service', name)} from './services/${name}';`);
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
export function indexedFiles(root: string = REPO_ROOT): { software: string[]; services: string[] } {
  const source = readFileSync(join(root, 'src/catalogue/index.ts'), 'utf8');
  const pick = (folder: string): string[] =>
    [...source.matchAll(new RegExp(`from '\\./${folder}/([^']+\\.json)'`, 'g'))].map(
      (match) => match[1] ?? '',
    );
  return { software: pick('software'), services: pick('services') };
}

export function writeIndex(
  listing: { software: string[]; services: string[] },
  root: string = REPO_ROOT,
): void {
  writeFileSync(join(root, 'src/catalogue/index.ts'), renderIndex(listing));
}

interface ManifestShape {
  content_scripts?: { matches?: string[] }[];
}

/** `content_scripts[0].matches` of manifest.json. */
export function manifestMatches(root: string = REPO_ROOT): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as ManifestShape;
  return manifest.content_scripts?.[0]?.matches ?? [];
}

/**
 * Rewrites only `content_scripts[0].matches` in manifest.json, keeping the rest of the file
 * byte for byte (other people edit the other keys).
 */
export function writeManifestMatches(patterns: readonly string[], root: string = REPO_ROOT): void {
  const file = join(root, 'manifest.json');
  const text = readFileSync(file, 'utf8');
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
  writeFileSync(file, next);
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
