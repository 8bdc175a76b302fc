// The popup's one line about the directory: the copy's date and origin, a refresh, and a link to
// the details in the options; the refresh's result once asked.
import type { ComponentChildren } from 'preact';
import type { DirectoryStatus } from '../core/protocol';
import type { RefreshMode } from '../core/settings';
import { copyText, lastCheckText, useRefresh } from '../ui/directory-status';
import { t } from '../ui/i18n';

interface Props {
  status: DirectoryStatus;
  refreshMode: RefreshMode;
  onRefresh: () => Promise<DirectoryStatus>;
  /** The link to the options page's directory section. */
  details: ComponentChildren;
}

export function DirectoryLine({ status, refreshMode, onRefresh, details }: Props) {
  const refresh = useRefresh(onRefresh);
  const off = refreshMode === 'off';
  return (
    <div class="directory compact">
      <p>
        {copyText(status)}{' '}
        <button
          type="button"
          class="link"
          onClick={() => void refresh.run()}
          disabled={off || refresh.busy}
          aria-describedby={off ? 'refresh-off' : undefined}
        >
          {t('directoryRefresh')}
        </button>{' '}
        {details}
      </p>
      {off ? (
        <p id="refresh-off" class="muted">
          {t('directoryRefreshOff')}
        </p>
      ) : null}
      <p role="status" aria-live="polite">
        {refresh.progress || (refresh.done ? lastCheckText(status.lastCheck) : '')}
      </p>
    </div>
  );
}
