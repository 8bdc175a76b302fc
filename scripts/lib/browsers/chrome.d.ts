// Code passed to `worker.evaluate` runs inside the extension's service worker, where Chromium's
// `chrome` namespace exists. Tests only touch a handful of calls; they are typed loosely here.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const chrome: any;
