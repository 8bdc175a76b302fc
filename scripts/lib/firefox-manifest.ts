// Derives the Firefox manifest from the one source manifest (Chromium shape).
// Firefox MV3 runs the background as an event page (`background.scripts`), needs an add-on id,
// and new listings must declare that Matou collects no data. An MV3 action lands in the
// Extensions menu unless it asks for the toolbar, and Matou speaks through its badge.

export const GECKO_ID = 'matou@matou.frama.io';

type Manifest = Record<string, unknown> & { background?: { service_worker?: string; type?: string } };

export function firefoxManifest<T extends Manifest>(source: T): T {
  const copy = structuredClone(source) as Manifest;
  const worker = copy.background?.service_worker;
  if (!worker) throw new Error('manifest.json must declare background.service_worker');
  copy.background = { scripts: [worker], type: 'module' } as Manifest['background'];
  // Chromium's floor (the build target, chrome120); Firefox's is strict_min_version below.
  delete copy.minimum_chrome_version;
  // Firefox only (Chromium warns on unknown keys); ignored on Android, which has no toolbar.
  copy.action = { ...(copy.action as object | undefined), default_area: 'navbar' };
  // Firefox sends `Origin: moz-extension://<per-install UUID>` on a cross-origin fetch without a
  // host permission: the options ask for the one origin of a directory source the user sets
  // (src/platform/permissions.ts). Chromium's Origin names the extension, the same on every install.
  copy.optional_host_permissions = ['https://*/*'];
  copy.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    },
    // Firefox for Android runs MV3 extensions with data_collection_permissions from 142 on.
    gecko_android: { strict_min_version: '142.0' },
  };
  return copy as T;
}
