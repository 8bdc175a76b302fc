// The catalogue's shape: what a contributor writes under src/catalogue/, and what the
// classifier and the directory pipeline read. Pure types, no runtime code.

/** A text in each UI language. French is the reference language of the project. */
export interface LocalizedText {
  fr: string;
  en: string;
}

/** A need a person has (writing together, a video call…), independent of any product. */
export interface Category {
  id: string;
  label: LocalizedText;
}

/** A piece of free software that fills one or more needs. */
export interface Software {
  id: string;
  name: string;
  website: string;
  licence: string;
  categories: string[];
  /**
   * Names CHATONS members write in `software.name` for this software, compared
   * case-insensitively after trimming (e.g. "etherpad", "etherpad-lite").
   */
  directoryNames: string[];
  /** One honest line per need: what it does and does not do next to the proprietary service. */
  fitNotes: Record<string, LocalizedText>;
}

/**
 * One way to recognise a service from a URL. `host` is either an exact hostname
 * (`mail.google.com`) or, with `subdomains: true`, a registrable domain and all its
 * subdomains (`zoom.us`, `*.zoom.us`). `paths` narrows the rule to URL path prefixes.
 * `countryDomains: true` makes a rule on a `google.com`-style domain also hold on the
 * same brand under other public suffixes where the service really lives (google.fr, google.co.uk).
 */
export interface MatchRule {
  host: string;
  subdomains?: boolean;
  paths?: string[];
  countryDomains?: boolean;
}

export interface Service {
  id: string;
  name: string;
  /** `google`, `microsoft`, `meta`, `apple`, `amazon`, or the company's name in lower case. */
  owner: string;
  category: string;
  match: MatchRule[];
  /** URLs that must classify as this service. */
  examples: string[];
  /** URLs that look alike but must classify as nothing (or as another service). */
  lookalikes: string[];
}

export interface Catalogue {
  categories: Category[];
  software: Software[];
  services: Service[];
}

/** What the classifier says about a URL. */
export interface Classification {
  service: string;
  category: string;
  owner: string;
  /** The hostname as the classifier normalised it (lower case, no trailing dot). */
  host: string;
}
