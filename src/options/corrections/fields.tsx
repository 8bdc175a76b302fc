// The correction form's building blocks: a labelled field with its help and its error, the
// state every part of the form shares, and the choice lists.
import type { ComponentChildren } from 'preact';
import type { CorrectionForm, FormField } from '../../core/corrections/report';
import type { CorrectionsState } from '../../core/protocol';
import { t } from '../../ui/i18n';

/** What each part of the form gets: the form, how to change it, and its problems once shown. */
export interface FormParts {
  form: CorrectionForm;
  set: (change: Partial<CorrectionForm>) => void;
  catalogue: CorrectionsState['catalogue'];
  language: 'fr' | 'en';
  /** The problem to show under a field, in words, or null. */
  problemFor: (field: FormField) => string | null;
  invalid: (field: FormField) => 'true' | undefined;
  serviceName: (id: string) => string;
}

export function Field({
  id,
  label,
  help,
  error,
  children,
}: {
  id: string;
  label: string;
  help?: string | null;
  error?: string | null;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {help ? (
        <p id={`${id}-help`} class="muted">
          {help}
        </p>
      ) : null}
      <p id={`${id}-error`} class="error">
        {error}
      </p>
    </div>
  );
}

export const describedBy = (id: string, help: boolean): string =>
  help ? `${id}-help ${id}-error` : `${id}-error`;

export function NeedOptions({ parts }: { parts: FormParts }) {
  return (
    <>
      <option value="">{t('correctChoose')}</option>
      {parts.catalogue.categories.map((category) => (
        <option key={category.id} value={category.id}>
          {category.label[parts.language]}
        </option>
      ))}
    </>
  );
}

export function ServiceOptions({ parts, none }: { parts: FormParts; none: string }) {
  return (
    <>
      <option value="">{none}</option>
      {parts.catalogue.services.map((service) => (
        <option key={service.id} value={service.id}>
          {service.name}
        </option>
      ))}
    </>
  );
}

export const chars = (text: string): number => Array.from(text).length;

/** The need the correction is about, chosen from the catalogue's. */
export function NeedField({ parts }: { parts: FormParts }) {
  const { form, set, problemFor, invalid } = parts;
  return (
    <Field id="correct-category" label={t('correctNeed')} error={problemFor('category')}>
      <select
        id="correct-category"
        value={form.category}
        aria-invalid={invalid('category')}
        aria-describedby="correct-category-error"
        onChange={(event) => set({ category: event.currentTarget.value })}
      >
        <NeedOptions parts={parts} />
      </select>
    </Field>
  );
}
