// The CHATONS directory: snapshot schema and validation, ChatonsInfos parsing and normalising,
// ranking (need + region -> hosts) and the refresh. Pure: I/O comes in as parameters.

export {
  FUNDING_KINDS,
  HOST_PROVIDER_TYPES,
  LIMITS,
  ORGANIZATION_TYPES,
  REGISTRATIONS,
  SNAPSHOT_SCHEMA_VERSION,
  organizationSchema,
  placeSchema,
  serviceSchema,
  snapshotSchema,
  validateSnapshot,
  type DirectoryCounts,
  type DirectoryOrganization,
  type DirectoryPlace,
  type DirectoryService,
  type DirectorySnapshot,
  type DirectoryWarning,
  type FundingKind,
  type FundingLink,
  type HostProviderType,
  type OrganizationFacts,
  type OrganizationType,
  type Registration,
  type ServiceFacts,
  type ServiceLoad,
} from './schema';
export { parseSnapshot, type ParseSnapshotResult } from './snapshot';
export { parseProperties, subsOf, type PropertiesMap, type PropertiesResult } from './properties';
export {
  fundingKind,
  hoistHostFacts,
  normalizeFederation,
  normalizeHostProvider,
  normalizeLoad,
  normalizeOrganizationType,
  normalizeRegistration,
  parseDay,
  parseDegrees,
  softwareResolver,
  type CatalogueForDirectory,
  type CrawledFederation,
  type CrawledOrganization,
  type CrawledService,
  type NormalizeOptions,
} from './normalize';
export { FUNCTION_KEYWORDS, categoriesFromName, type FunctionKeyword } from './keywords';
export { cleanText, httpUrl, isCleanText, makeId } from './text';
export {
  LOCALITIES,
  indexDirectory,
  rankHosts,
  type DirectoryIndex,
  type HostOrganization,
  type HostPlace,
  type HostService,
  type Locality,
  type RankedHost,
} from './rank';
export {
  DEFAULT_REFRESH_MAX_BYTES,
  DEFAULT_REFRESH_TIMEOUT_MS,
  directoryUrlProblem,
  refreshDirectory,
  type RefreshOptions,
  type RefreshOutcome,
} from './refresh';
export { DEFAULT_DIRECTORY_URL, LIVE_FEDERATION_URL } from './source';
