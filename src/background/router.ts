// The background's one message listener. It checks who sends (Matou's own pages, or a content
// script in a tab's top frame) and what (the protocol's schemas), then hands the request to the
// component that registered for it. Components register their handlers when they are built.
import {
  parsePageReport,
  parsePageRequest,
  type AnswerOf,
  type PageReport,
  type RequestOf,
  type RequestType,
} from '../core/protocol';
import { extensionId, extensionUrl, type MessageSender } from '../platform/runtime';

type Handler<T extends RequestType> = (request: RequestOf<T>) => Promise<AnswerOf<T>>;
type ReportHandler = (tabId: number, report: PageReport) => Promise<void>;

/** The popup and the options page (even when opened in a tab) have an extension URL. */
function fromExtensionPage(sender: MessageSender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(extensionUrl(''));
}

export class MessageRouter {
  private readonly handlers = new Map<RequestType, Handler<RequestType>>();
  private pageReports: ReportHandler | null = null;

  /** Registers the one handler of a request type; its answer must be the protocol's answer type. */
  on<T extends RequestType>(type: T, handler: Handler<T>): void {
    if (this.handlers.has(type)) throw new Error(`Two handlers for ${type}`);
    this.handlers.set(type, handler as unknown as Handler<RequestType>);
  }

  /** Registers what to do with a content script's "this tab shows <url>". */
  onPageReport(handler: ReportHandler): void {
    this.pageReports = handler;
  }

  /** For the platform's onMessage: a promise for the answer, or undefined when the message is not for us. */
  readonly handle = (raw: unknown, sender: MessageSender): Promise<unknown> | undefined => {
    if (sender.id !== extensionId()) {
      console.warn('Matou: ignored a message from another extension or page', sender.id);
      return undefined;
    }
    if (!fromExtensionPage(sender)) {
      // Content scripts: only page reports, from a tab's top frame.
      const report = parsePageReport(raw);
      if (!report || sender.tab?.id === undefined || sender.frameId !== 0 || !this.pageReports) {
        console.warn('Matou: ignored a malformed message from a content script');
        return undefined;
      }
      return this.pageReports(sender.tab.id, report).then(() => undefined);
    }
    const request = parsePageRequest(raw);
    const handler = request ? this.handlers.get(request.type) : undefined;
    if (!request || !handler) {
      console.warn('Matou: ignored a malformed message', raw);
      return undefined;
    }
    return handler(request);
  };
}
