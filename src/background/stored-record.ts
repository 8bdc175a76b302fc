// One record in local storage under its own key, read once per worker life (field by field,
// by its core reader) and kept in memory. Every change goes to storage first, and changes run
// one after the other, so two quick clicks never lose one of them.
import { readLocal, writeLocal, type LocalAreas } from '../platform/storage';

export interface RecordReader<T> {
  /** The storage key; no other part of Matou writes it. */
  key: keyof LocalAreas;
  /** Turns whatever storage holds into a valid record, with what it had to leave out. */
  read: (raw: unknown) => { value: T; dropped: string[] };
  /** Said in the console when something was left out. */
  what: string;
}

export class StoredRecord<T> {
  private current: Promise<T> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly reader: RecordReader<T>) {}

  get(): Promise<T> {
    this.current ??= readLocal(this.reader.key).then((raw) => {
      const { value, dropped } = this.reader.read(raw);
      if (dropped.length > 0)
        console.warn(
          `Matou: some ${this.reader.what} could not be read and were left out:`,
          dropped.join(', '),
        );
      return value;
    });
    return this.current;
  }

  update(change: (value: T) => T): Promise<T> {
    const next = this.queue.then(async () => {
      const updated = change(structuredClone(await this.get()));
      await writeLocal(this.reader.key, updated);
      this.current = Promise.resolve(updated);
      return updated;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
