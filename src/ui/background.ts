// The views' one way to the background: typed requests of the message protocol.
import type { ImportResult, OptionsState, PageRequest, PopupState, SettingsExport } from '../core/protocol';
import { sendMessage } from '../platform/runtime';

type Answer<R extends PageRequest> = R['type'] extends 'get-popup-state' | 'snooze-site' | 'ignore-site'
  ? R extends { tabId: number } ? PopupState : OptionsState
  : R['type'] extends 'import-settings'
    ? ImportResult
    : R['type'] extends 'export-settings'
      ? SettingsExport
      : OptionsState;

export function ask<R extends PageRequest>(request: R): Promise<Answer<R>> {
  return sendMessage<Answer<R>>(request);
}
