// Local corrections ("this page is not <service>", "a host I know"), under their own key
// (`corrections`), which neither a directory refresh nor an update of Matou ever writes.
import { readCorrections, type LocalCorrections } from '../core/corrections/local';
import { StoredRecord } from './stored-record';

export class CorrectionsStore extends StoredRecord<LocalCorrections> {
  /** `isCategory` checks user hosts' needs against the catalogue. */
  constructor(isCategory?: (id: string) => boolean) {
    super({
      key: 'corrections',
      what: 'local corrections',
      read: (raw) => {
        const { corrections, dropped } = readCorrections(raw, isCategory);
        return { value: corrections, dropped };
      },
    });
  }
}
