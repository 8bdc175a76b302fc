// Build-time facts about the migration guides, for the popup: each guide's number of steps, read
// from src/catalogue/guides/*.json and served as the virtual module `virtual:guide-steps`
// ({"gmail": 5, …}). The popup says "How to move from Gmail — 5 steps" from it without loading
// any guide: the guides themselves load on demand in the guide view (src/ui/guides.ts), and the
// popup's bundle carries neither their text nor a dynamic-import helper. Self-contained (Node
// modules only): vite.config.ts and vitest.config.ts load it as they start.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export const GUIDE_STEPS_MODULE = 'virtual:guide-steps';
const RESOLVED = `\0${GUIDE_STEPS_MODULE}`;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * `{ "<file name without .json>": <number of steps> }` for the guides on disk that read as a list
 * of steps. A broken file is left out here: catalogue:check and the tests report it.
 */
export function guideStepCounts(root: string = ROOT): Record<string, number> {
  const dir = join(root, 'src/catalogue/guides');
  const counts: Record<string, number> = {};
  if (!existsSync(dir)) return counts;
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()) {
    try {
      const steps = (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { steps?: unknown }).steps;
      if (Array.isArray(steps)) counts[name.slice(0, -'.json'.length)] = steps.length;
    } catch {
      // not valid JSON: no link in the popup for it
    }
  }
  return counts;
}

export function guideSteps(root: string = ROOT): Plugin {
  return {
    name: 'matou-guide-steps',
    resolveId(source) {
      return source === GUIDE_STEPS_MODULE ? RESOLVED : null;
    },
    load(id) {
      return id === RESOLVED ? `export default ${JSON.stringify(guideStepCounts(root))};\n` : null;
    },
  };
}
