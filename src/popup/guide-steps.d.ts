// The virtual module scripts/lib/guide-steps-plugin.ts serves at build and in tests.
declare module 'virtual:guide-steps' {
  /** Each migration guide's number of steps, by service id. */
  const steps: Readonly<Record<string, number>>;
  export default steps;
}
