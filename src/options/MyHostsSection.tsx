// The hosts the user said they use ("this is my host now"), one per need: listed with the need,
// marked when the directory copy in use no longer lists them, each removable in one click.
import type { OptionsState } from '../core/protocol';
import { ask } from '../ui/background';
import { formatDate, pick, t } from '../ui/i18n';
import { ExternalLink } from '../ui/links';
import { useRemoval } from './removal';

export function MyHostsSection({
  state,
  onState,
}: {
  state: OptionsState;
  onState: (state: OptionsState) => void;
}) {
  const { note, title, remove } = useRemoval();

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
                  onClick={() =>
                    void remove(
                      () => ask({ type: 'remove-my-host', category: choice.category }),
                      onState,
                      t('myHostRemoved', [choice.organization.name]),
                    )
                  }
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
