// The migration guides as files on disk (src/catalogue/guides/*.json), for catalogue:check and
// the tests. The extension loads them on demand instead (src/ui/guides.ts).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GUIDES_DIR } from '../../src/core/guides';
import { REPO_ROOT, describeJsonError, type JsonError } from './catalogue-files';

export interface GuidesOnDisk {
  raw: unknown[];
  /** The file of each entry of `raw`, relative to the repository root. */
  files: string[];
  unreadable: JsonError[];
}

export function readGuideFiles(root: string = REPO_ROOT): GuidesOnDisk {
  const dir = join(root, GUIDES_DIR);
  const names = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .sort()
    : [];
  const result: GuidesOnDisk = { raw: [], files: [], unreadable: [] };
  for (const name of names) {
    const file = `${GUIDES_DIR}/${name}`;
    const text = readFileSync(join(dir, name), 'utf8');
    try {
      result.raw.push(JSON.parse(text) as unknown);
      result.files.push(file);
    } catch (error) {
      result.unreadable.push({ file, ...describeJsonError(text, error) });
    }
  }
  return result;
}
