// What both views of the directory's status share (the options page's section and the popup's
// one line): the last check in words, and the refresh with its progress and its error.
import { useState } from 'preact/hooks';
import type { DirectoryStatus } from '../core/protocol';
import { errorText, formatDate, t } from './i18n';

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

/** The copy in use in one sentence: its date, and whether it came with Matou or was downloaded. */
export function copyText(status: DirectoryStatus): string {
  const built = formatDate(status.builtAt);
  return status.origin === 'bundled' ? t('directoryBundled', [built]) : t('directoryDownloaded', [built]);
}

/**
 * A refresh button's state: `run` asks for the refresh; `progress` is what to say meanwhile, or
 * its error ('' when nothing happened); `done` once one succeeded.
 */
export function useRefresh(onRefresh: () => Promise<DirectoryStatus>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      await onRefresh();
      setDone(true);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }
  const progress = busy ? t('directoryChecking') : error ? t('directoryRefreshError', [error]) : '';
  return { busy, done, progress, run };
}
