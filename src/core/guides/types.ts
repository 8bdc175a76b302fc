// A migration guide ("Move from Gmail"): what a contributor writes in
// src/catalogue/guides/<service-id>.json. Pure types, no runtime code.
import type { LocalizedText } from '../catalogue/types';

/** The official documentation page a step is written from. */
export interface GuideSource {
  /** The page's https address (its host must be in DOCUMENTATION_HOSTS). */
  url: string;
  /** Who publishes it and what it is, as shown next to the step ("Google's help: download your data"). */
  title: LocalizedText;
}

export interface GuideStep {
  title: LocalizedText;
  text: LocalizedText;
  source: GuideSource;
  /**
   * The step done at the new host (open an account, set up the mailbox): the guide links there
   * to the chosen host's own user guide when it publishes one.
   */
  hostStep?: boolean;
}

export interface Guide {
  /** The catalogue service this guide moves people from; also the file's name. */
  service: string;
  /** One or two sentences: where the person ends up and what the steps do. */
  summary: LocalizedText;
  steps: GuideStep[];
  /** What does not come along, said plainly (comments, edit history, people's habits…). */
  notCarriedOver: LocalizedText[];
}
