// The hosts the user said they use ("this is my host now"), under their own key (`myHosts`).
import { readMyHosts, type MyHosts } from '../core/my-hosts';
import { StoredRecord } from './stored-record';

export class MyHostsStore extends StoredRecord<MyHosts> {
  constructor(isCategory: (id: string) => boolean) {
    super({
      key: 'myHosts',
      what: 'chosen hosts',
      read: (raw) => {
        const { myHosts, dropped } = readMyHosts(raw, isCategory);
        return { value: myHosts, dropped };
      },
    });
  }
}
