// The virtual module scripts/lib/classifier-tables-plugin.ts serves at build and in tests.
declare module 'virtual:classifier-tables' {
  import type { ClassifierTables } from '../core/catalogue/classifier';
  /** The catalogue's match rules compiled into lookup tables at build time. */
  const tables: ClassifierTables;
  export default tables;
}
