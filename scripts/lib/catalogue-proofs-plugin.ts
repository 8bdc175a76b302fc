// The catalogue's proofs stay out of the extension: each service file's `examples` (addresses
// that must match) and `lookalikes` (addresses that must not) are for catalogue:check and the
// tests, which read the files themselves; the built extension never uses them, and they were a
// fifth of what the background worker loads at every start. Self-contained (Node modules only).
import type { Plugin } from 'vite';

const SERVICE_FILE = /\/src\/catalogue\/services\/[^/]+\.json$/;
export const PROOF_FIELDS = ['examples', 'lookalikes'] as const;

/** A service file's text without its proofs. */
export function withoutProofs(json: string): string {
  const service = JSON.parse(json) as Record<string, unknown>;
  for (const field of PROOF_FIELDS) delete service[field];
  return JSON.stringify(service);
}

export function catalogueProofsOut(): Plugin {
  return {
    name: 'matou-catalogue-proofs-out',
    enforce: 'pre',
    transform(code, id) {
      return SERVICE_FILE.test(id.split('?')[0] ?? '') ? { code: withoutProofs(code), map: null } : null;
    },
  };
}
