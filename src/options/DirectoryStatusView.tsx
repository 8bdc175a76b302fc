// The options page's view of the directory: how old the copy is, where it came from, when its
// content last changed, its source, the last check and a refresh button.
import type { DirectoryStatus } from '../core/protocol';
import type { RefreshMode } from '../core/settings';
import { copyText, lastCheckText, useRefresh } from '../ui/directory-status';
import { formatDate, t } from '../ui/i18n';

interface Props {
  status: DirectoryStatus;
  refreshMode: RefreshMode;
  /** Asks the background for a refresh; resolves with the new status, rejects with a reason. */
  onRefresh: () => Promise<DirectoryStatus>;
}

export function DirectoryStatusView({ status, refreshMode, onRefresh }: Props) {
  const refresh = useRefresh(onRefresh);
  const off = refreshMode === 'off';
  return (
    <div class="directory">
      <p>
        {copyText(status)}{' '}
        <span class="muted">
          {t('directoryCounts', [String(status.counts.organizations), String(status.counts.services)])}
        </span>
      </p>
      {status.changedAt ? <p class="muted">{t('directoryChanged', [formatDate(status.changedAt)])}</p> : null}
      <p class="muted">{t('directorySource', [status.sourceDescription])}</p>
      <p role="status" aria-live="polite">
        {refresh.progress || lastCheckText(status.lastCheck)}
      </p>
      <div class="row">
        <button
          type="button"
          onClick={() => void refresh.run()}
          disabled={off || refresh.busy}
          aria-describedby={off ? 'refresh-off' : undefined}
        >
          {t('directoryRefresh')}
        </button>
        {off ? (
          <p id="refresh-off" class="muted">
            {t('directoryRefreshOff')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
