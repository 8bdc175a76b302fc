// How old the directory copy is, where it came from, the last check and a refresh button.
// Shared by the popup and the options page.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { DirectoryStatus } from '../core/protocol';
import type { RefreshMode } from '../core/settings';
import { formatDate, t } from './i18n';

interface Props {
  status: DirectoryStatus;
  refreshMode: RefreshMode;
  /** Asks the background for a refresh; resolves with the new status, rejects with a reason. */
  onRefresh: () => Promise<DirectoryStatus>;
  /** Where the refresh can be switched back on (a link in the popup, nothing in the options). */
  settingsHint?: ComponentChildren;
  /** Also say when the directory's content last changed (the options page; the popup stays short). */
  showChangeDate?: boolean;
}

export function lastCheckText(check: DirectoryStatus['lastCheck']): string {
  if (!check) return t('directoryNeverChecked');
  const when = formatDate(check.at, true);
  switch (check.result) {
    case 'updated':
      return t('directoryCheckUpdated', [when]);
    case 'not-modified':
      return t('directoryCheckNotModified', [when]);
    case 'failed':
      return t('directoryCheckFailed', [when, check.reason ?? t('reasonUnknown')]);
    case 'rejected':
      return t('directoryCheckRejected', [when, check.reason ?? t('reasonUnknown')]);
  }
}

export function DirectoryStatusView({
  status,
  refreshMode,
  onRefresh,
  settingsHint,
  showChangeDate = false,
}: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const off = refreshMode === 'off';

  async function refresh() {
    setBusy(true);
    setError(null);
    try {
      await onRefresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  const built = formatDate(status.builtAt);
  return (
    <div class="directory">
      <p>
        {status.origin === 'bundled' ? t('directoryBundled', [built]) : t('directoryDownloaded', [built])}{' '}
        <span class="muted">
          {t('directoryCounts', [String(status.counts.organizations), String(status.counts.services)])}
        </span>
      </p>
      {showChangeDate && status.changedAt ? (
        <p class="muted">{t('directoryChanged', [formatDate(status.changedAt)])}</p>
      ) : null}
      <p class="muted">{t('directorySource', [status.sourceDescription])}</p>
      <p role="status" aria-live="polite">
        {busy
          ? t('directoryChecking')
          : error
            ? t('directoryRefreshError', [error])
            : lastCheckText(status.lastCheck)}
      </p>
      <div class="row">
        <button
          type="button"
          onClick={() => void refresh()}
          disabled={off || busy}
          aria-describedby={off ? 'refresh-off' : undefined}
        >
          {t('directoryRefresh')}
        </button>
        {off ? (
          <p id="refresh-off" class="muted">
            {t('directoryRefreshOff')} {settingsHint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
