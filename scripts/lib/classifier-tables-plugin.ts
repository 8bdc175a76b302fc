// The classifier's lookup tables, compiled at build time from the catalogue's service files and
// served as the virtual module `virtual:classifier-tables` (plain data, parsed as JSON): the
// background worker builds its classifier from them without compiling ~250 rules on every start.
// The services come from src/catalogue/services/*.json, the files src/catalogue/index.ts lists
// (catalogue:check fails when the two differ); proofs (examples, look-alikes) play no part.
import type { Plugin } from 'vite';
import { compileClassifierTables, type ClassifierTables } from '../../src/core/catalogue/classifier.ts';
import type { Service } from '../../src/core/catalogue/types.ts';
import { readCatalogueFiles, REPO_ROOT } from './catalogue-files.ts';

export const CLASSIFIER_TABLES_MODULE = 'virtual:classifier-tables';
const RESOLVED = `\0${CLASSIFIER_TABLES_MODULE}`;

/** The tables of the catalogue on disk at `root`. Throws when a service file is not valid JSON. */
export function classifierTablesOnDisk(root: string = REPO_ROOT): {
  tables: ClassifierTables;
  files: string[];
} {
  const onDisk = readCatalogueFiles(root);
  const broken = onDisk.unreadable.filter((entry) => entry.file.includes('/services/'));
  if (broken.length > 0)
    throw new Error(`Unreadable service files: ${broken.map((entry) => entry.file).join(', ')}`);
  return {
    tables: compileClassifierTables({ services: onDisk.raw.services as Service[] }),
    files: onDisk.files.services,
  };
}

export function classifierTables(root: string = REPO_ROOT): Plugin {
  return {
    name: 'matou-classifier-tables',
    resolveId(source) {
      return source === CLASSIFIER_TABLES_MODULE ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      const { tables, files } = classifierTablesOnDisk(root);
      for (const file of files) this.addWatchFile(`${root}/${file}`);
      // A JSON text parses faster than the same object literal evaluates.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(tables))});\n`;
    },
  };
}
