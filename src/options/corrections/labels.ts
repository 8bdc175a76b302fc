// The words of the correction form: each choice and field of the form model (core/corrections/
// report.ts) to its message key, and a form problem in words.
import {
  LIMITS,
  type CorrectionForm,
  type CorrectionKind,
  type FormField,
  type FormProblem,
} from '../../core/corrections/report';
import { t } from '../../ui/i18n';

export const KIND_KEYS: Record<CorrectionKind, string> = {
  'wrong-detection': 'correctKindDetection',
  alternative: 'correctKindAlternative',
  'host-info': 'correctKindHostInfo',
  'missing-host': 'correctKindMissingHost',
  other: 'correctKindOther',
};

export const ALTERNATIVE_KEYS: Record<CorrectionForm['alternativeProblem'], string> = {
  missing: 'correctAlternativeMissing',
  wrong: 'correctAlternativeWrong',
};

export const HOST_PROBLEM_KEYS: Record<CorrectionForm['hostProblem'], string> = {
  access: 'correctHostProblemAccess',
  full: 'correctHostProblemFull',
  place: 'correctHostProblemPlace',
  closed: 'correctHostProblemClosed',
  link: 'correctHostProblemLink',
  other: 'correctHostProblemOther',
};

export const REGISTRATION_KEYS: Record<CorrectionForm['registration'], string> = {
  none: 'accessNone',
  free: 'accessFree',
  member: 'accessMember',
  client: 'accessClient',
  unknown: 'accessUnknown',
};

export const PROBLEM_CODE_KEYS: Record<FormProblem['code'], string> = {
  required: 'correctProblemRequired',
  invalid: 'correctProblemInvalid',
  tooLong: 'correctProblemTooLong',
};

export const FIELD_KEYS: Record<FormField, string> = {
  kind: 'correctKindLegend',
  service: 'correctService',
  hostname: 'correctHostname',
  includeUrl: 'correctIncludeUrl',
  pageUrl: 'correctPageUrl',
  detection: 'correctDetectionLegend',
  actualService: 'correctActualService',
  alternativeProblem: 'correctAlternativeLegend',
  category: 'correctNeed',
  software: 'correctSoftware',
  softwareWebsite: 'correctSoftwareWebsite',
  note: 'correctNote',
  hostName: 'correctHosterName',
  hostUrl: 'correctHostUrl',
  hostPlace: 'correctHostPlace',
  registration: 'correctRegistration',
  hostProblem: 'correctHostProblem',
  details: 'correctDetails',
};

/** The longest a field may be, for "at most N characters". */
function limitFor(field: FormField): number {
  if (field === 'details') return LIMITS.details;
  if (field === 'note') return LIMITS.note;
  if (field === 'hostPlace') return LIMITS.place;
  if (field === 'pageUrl' || field === 'hostUrl' || field === 'softwareWebsite') return LIMITS.url;
  return LIMITS.name;
}

export function problemText(problem: FormProblem): string {
  return t(PROBLEM_CODE_KEYS[problem.code], [String(limitFor(problem.field))]);
}

export function fieldLabel(field: FormField): string {
  return t(FIELD_KEYS[field]);
}
