// The views' one way to the background: a request of the protocol, and its one answer type.
import type { AnswerOf, PageRequest } from '../core/protocol';
import { sendMessage } from '../platform/pages';

export function ask<R extends PageRequest>(request: R): Promise<AnswerOf<R['type']>> {
  return sendMessage<AnswerOf<R['type']>>(request);
}
