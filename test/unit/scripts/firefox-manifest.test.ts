// The Firefox manifest derived from the one source manifest (Chromium shape).
import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json';
import { GECKO_ID, firefoxManifest } from '../../../scripts/lib/firefox-manifest';

describe('firefoxManifest', () => {
  const firefox = firefoxManifest(manifest) as Record<string, unknown> & typeof manifest;

  it('runs the background as an event page and names the add-on', () => {
    expect(firefox.background).toEqual({ scripts: [manifest.background.service_worker], type: 'module' });
    expect(firefox.browser_specific_settings).toEqual(
      expect.objectContaining({
        gecko: expect.objectContaining({ id: GECKO_ID, data_collection_permissions: { required: ['none'] } }),
      }),
    );
  });

  it('puts the icon on the toolbar, keeping the rest of the action', () => {
    expect(firefox.action).toEqual({ ...manifest.action, default_area: 'navbar' });
  });

  it("asks for a custom source's origin at runtime (optional), and keeps Chromium's floor to Chromium", () => {
    expect(firefox.optional_host_permissions).toEqual(['https://*/*']);
    expect(firefox.host_permissions).toEqual(manifest.host_permissions);
    expect(manifest.minimum_chrome_version).toBe('120');
    expect(firefox.minimum_chrome_version).toBeUndefined();
  });

  it('leaves the source manifest untouched', () => {
    expect((manifest.action as Record<string, unknown>).default_area).toBeUndefined();
    expect((manifest as Record<string, unknown>).optional_host_permissions).toBeUndefined();
  });
});
