// Migration guides: their shape, validation and allowed sources, and the options-page route
// that shows one. Pure: no browser API, no I/O.
export type { Guide, GuideSource, GuideStep } from './types';
export { DOCUMENTATION_HOSTS, isDocumentationUrl } from './sources';
export {
  GUIDES_DIR,
  GUIDE_LIMITS,
  REQUIRED_GUIDE_SERVICE_IDS,
  validateGuides,
  type GuidesValidation,
} from './validate';
export { GUIDE_ROUTE, guideRoute, parseGuideRoute, type GuideRoute } from './route';
export { hostGuideOf, type HostGuide } from './host';
