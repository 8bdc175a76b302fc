// Everything the correction form and the options page's list of local corrections ask: the
// corrections kept on this device, adding and removing one, and (only when the user ticks the
// box) the full address of the page the report is about.
import type { Catalogue } from '../core/catalogue/types';
import {
  parseExclusion,
  parseUserHost,
  withExclusion,
  withoutCorrection,
  withUserHost,
  type LocalCorrections,
} from '../core/corrections/local';
import type { CatalogueSummary } from '../core/corrections/report';
import type { CorrectionInput, CorrectionsState } from '../core/protocol';
import { extensionVersion } from '../platform/runtime';
import type { CorrectionsStore } from './corrections-store';
import type { MessageRouter } from './router';
import type { TabWatcher } from './tab-watcher';

export interface CorrectionsDeps {
  router: MessageRouter;
  catalogue: Catalogue;
  corrections: CorrectionsStore;
  tabs: TabWatcher;
  isCategory: (id: string) => boolean;
  isService: (id: string) => boolean;
}

export class CorrectionsComponent {
  private summary: CatalogueSummary | null = null;

  constructor(private readonly deps: CorrectionsDeps) {
    const { router, corrections, tabs } = deps;
    router.on('get-corrections', () => this.state());
    router.on('add-correction', async ({ correction }) => {
      await corrections.update(this.addition(correction));
      await tabs.recheckAll();
      return this.state();
    });
    router.on('remove-correction', async ({ id }) => {
      await corrections.update((current) => withoutCorrection(current, id));
      await tabs.recheckAll();
      return this.state();
    });
    router.on('get-page-url', async ({ tabId }) => ({ url: await tabs.liveUrl(tabId) }));
  }

  /** The change a correction from the form makes, once its values are checked against the catalogue. */
  private addition(input: CorrectionInput): (current: LocalCorrections) => LocalCorrections {
    if (input.kind === 'exclusion') {
      if (!this.deps.isService(input.service)) throw new Error(`Unknown service: ${input.service}`);
      const exclusion = parseExclusion(input);
      if (!exclusion) throw new Error('This site or path cannot be read as a hostname and a path.');
      return (current) => withExclusion(current, exclusion);
    }
    const host = parseUserHost(input, this.deps.isCategory);
    if (!host) throw new Error('A host needs a known need, a name and an http(s) address.');
    return (current) => withUserHost(current, host);
  }

  private async state(): Promise<CorrectionsState> {
    const { catalogue } = this.deps;
    this.summary ??= {
      services: catalogue.services.map(({ id, name, category }) => ({ id, name, category })),
      software: catalogue.software.map(({ id, name, categories }) => ({ id, name, categories })),
      categories: catalogue.categories.map(({ id, label }) => ({ id, label })),
    };
    return {
      corrections: await this.deps.corrections.get(),
      catalogue: this.summary,
      version: extensionVersion(),
    };
  }
}
