import { useEffect, useState } from 'preact/hooks';
import type { PopupState } from '../core/protocol';
import { ask } from '../ui/background';
import { pick } from '../ui/i18n';

export function Popup({ tabId }: { tabId: Promise<number | null> }) {
  const [state, setState] = useState<PopupState | null>(null);
  useEffect(() => {
    void tabId.then((id) => (id === null ? null : ask({ type: 'get-popup-state', tabId: id }))).then(setState);
  }, [tabId]);
  if (!state) return <p>…</p>;
  if (!state.detection) return <h1>Matou</h1>;
  return (
    <main>
      <h1>{state.detection.service.name}</h1>
      <p>{pick(state.detection.category.label)}</p>
      <ul>
        {state.hosts.map((host) => (
          <li key={`${host.organization.name}/${host.service.name}`}>
            {host.organization.name} — {host.service.name}
          </li>
        ))}
      </ul>
    </main>
  );
}
