// The one import of the WebExtension API. Everything outside src/platform goes through
// the small typed modules beside this file, so the rest of Matou never calls `browser.*`.
import browser from 'webextension-polyfill';

export type { Runtime, Tabs } from 'webextension-polyfill';
export default browser;
