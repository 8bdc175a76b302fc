import { useEffect, useState } from 'preact/hooks';
import type { OptionsState } from '../core/protocol';
import { ask } from '../ui/background';

export function Options() {
  const [state, setState] = useState<OptionsState | null>(null);
  useEffect(() => {
    void ask({ type: 'get-options-state' }).then(setState);
  }, []);
  if (!state) return <p>…</p>;
  return (
    <main>
      <h1>Matou</h1>
      <p>{state.settings.region ?? '—'}</p>
    </main>
  );
}
