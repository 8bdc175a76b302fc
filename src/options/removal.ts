// The lists of the options page whose items each have a "remove" button (ignored sites, chosen
// hosts, local corrections): the removal, what the page says once it is done or why it failed,
// and the focus given to the section's heading, since the button that had it is gone.
import { useRef, useState } from 'preact/hooks';
import { errorText, t } from '../ui/i18n';

export function useRemoval() {
  const [note, setNote] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);

  /** Asks for the removal, applies its answer, then says `done` and moves the focus. */
  async function remove<T>(request: () => Promise<T>, apply: (answer: T) => void, done: string) {
    try {
      apply(await request());
      setNote(done);
      title.current?.focus();
    } catch (error) {
      setNote(t('actionFailed', [errorText(error)]));
    }
  }

  return { note, setNote, title, remove };
}
