// The catalogue's public face: types, validation, the compiled classifier and the manifest's
// content-script hosts. Pure: no browser API, no I/O.
export type {
  Catalogue,
  Category,
  Classification,
  LocalizedText,
  MatchRule,
  Service,
  Software,
} from './types';
export { compileClassifier, normaliseHost, type Classifier } from './classifier';
export { contentScriptMatches } from './match-patterns';
export { COUNTRY_DOMAIN_SUFFIXES } from './country-domains';
export { parseWebUrl, type WebLocation } from './url';
export {
  validateCatalogue,
  MAX_FIT_NOTE_LENGTH,
  REQUIRED_CATEGORY_IDS,
  REQUIRED_SERVICE_IDS,
  type CatalogueFiles,
  type CatalogueProblem,
  type CatalogueValidation,
} from './validate';
