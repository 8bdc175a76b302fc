// Local corrections ("this page is not <service>", "a host I know"), read once per worker life
// and kept in memory; every change goes to storage first, under their own key (`corrections`),
// which neither a directory refresh nor an update of Matou ever writes.
import { readCorrections, type LocalCorrections } from '../core/corrections/local';
import { readLocal, writeLocal } from '../platform/storage';

export class CorrectionsStore {
  private current: Promise<LocalCorrections> | null = null;
  /** Changes run one after the other, so two quick clicks never lose one of them. */
  private queue: Promise<unknown> = Promise.resolve();

  /** `isCategory` checks user hosts' needs against the catalogue. */
  constructor(private readonly isCategory?: (id: string) => boolean) {}

  get(): Promise<LocalCorrections> {
    this.current ??= readLocal('corrections').then((raw) => {
      const { corrections, dropped } = readCorrections(raw, this.isCategory);
      if (dropped.length > 0)
        console.warn(
          'Matou: some local corrections could not be read and were left out:',
          dropped.join(', '),
        );
      return corrections;
    });
    return this.current;
  }

  update(change: (corrections: LocalCorrections) => LocalCorrections): Promise<LocalCorrections> {
    const next = this.queue.then(async () => {
      const updated = change(structuredClone(await this.get()));
      await writeLocal('corrections', updated);
      this.current = Promise.resolve(updated);
      return updated;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
