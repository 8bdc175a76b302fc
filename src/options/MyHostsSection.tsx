// The hosts the user said they use ("this is my host now"), one per need: listed with the need,
// marked when the directory copy in use no longer lists them, each removable in one click.
import { useRef, useState } from 'preact/hooks';
import type { OptionsState } from '../core/protocol';
import { ask } from '../ui/background';
import { errorText, formatDate, pick, t } from '../ui/i18n';
import { ExternalLink } from '../ui/links';

export function MyHostsSection({
  state,
  onState,
}: {
  state: OptionsState;
  onState: (state: OptionsState) => void;
}) {
  const [note, setNote] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);

  async function remove(category: string, name: string) {
    try {
      onState(await ask({ type: 'remove-my-host', category }));
      setNote(t('myHostRemoved', [name]));
      // The button that had the focus is gone: give it to the section's heading.
      title.current?.focus();
    } catch (error) {
      setNote(t('actionFailed', [errorText(error)]));
    }
  }

  return (
    <section id="my-hosts" aria-labelledby="my-hosts-title">
      <h2 id="my-hosts-title" tabIndex={-1} ref={title}>
        {t('myHostsTitle')}
      </h2>
      {state.myHosts.length === 0 ? (
        <p>{t('myHostsNone')}</p>
      ) : (
        <>
          <p class="muted">{t('myHostsExplain')}</p>
          <ul class="sites my-hosts">
            {state.myHosts.map(({ choice, need, listed }) => (
              <li key={choice.category}>
                <span>
                  <strong>{pick(need)}</strong> :{' '}
                  <ExternalLink href={choice.service.url}>
                    {choice.organization.name} ({choice.service.name})
                  </ExternalLink>{' '}
                  <span class="muted">{t('myHostSince', [formatDate(choice.chosenAt)])}</span>
                  {listed ? null : <span class="gone"> {t('myHostGone')}</span>}
                </span>
                <button
                  type="button"
                  aria-label={t('myHostRemoveLabel', [choice.organization.name, pick(need)])}
                  onClick={() => void remove(choice.category, choice.organization.name)}
                >
                  {t('myHostRemove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p role="status">{note}</p>
    </section>
  );
}
