// The views' one way to the background: typed requests of the message protocol.
import type { CorrectionsState, ImportResult, OptionsState, PageRequest, PageUrlAnswer, PopupState, SettingsExport } from '../core/protocol';
import { sendMessage } from '../platform/runtime';

type CorrectionAnswer<R extends PageRequest> = R['type'] extends 'exclude-page'
  ? PopupState
  : R['type'] extends 'remove-correction'
    ? R extends { tabId: number } ? PopupState : CorrectionsState
    : R['type'] extends 'get-page-url'
      ? PageUrlAnswer
      : CorrectionsState;

type Answer<R extends PageRequest> = R['type'] extends 'get-popup-state' | 'snooze-site' | 'ignore-site'
  ? R extends { tabId: number } ? PopupState : OptionsState
  : R['type'] extends 'import-settings'
    ? ImportResult
    : R['type'] extends 'export-settings'
      ? SettingsExport
      : R['type'] extends 'get-corrections' | 'exclude-page' | 'add-correction' | 'remove-correction' | 'get-page-url'
        ? CorrectionAnswer<R>
        : OptionsState;

export function ask<R extends PageRequest>(request: R): Promise<Answer<R>> {
  return sendMessage<Answer<R>>(request);
}
