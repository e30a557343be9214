import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * Firefox gets Manifest V2 (WXT's default for Firefox), on purpose:
 * - Mozilla keeps MV2 supported with no end date, and MV2 and MV3 reach the same APIs we use
 *   (storage, alarms, notifications, sidebarAction, optional host permissions).
 * - In Firefox MV3 every host permission, including the meeting and calendar sites the content
 *   scripts run on, can be withheld or revoked by the user, so the launcher could silently never
 *   mount; in MV2 the content scripts' hosts are granted with the install.
 * - MV2 keeps a persistent background page, so the sync loop, its retry timer and the IndexedDB
 *   secret store stay alive as they do in Chrome's service worker between alarms.
 * The gecko id is fixed so that storage (keyed by it) survives updates and reinstalls, and the
 * minimum version is the oldest supported ESR line (140), the first to read
 * data_collection_permissions (AMO requires it of new add-ons); it has every API we call.
 */
export const GECKO_ID = 'tandem@tandem.extension';
const firefoxManifest = {
  // Firefox opens a sidebar only from a user action, and a click on a web page is none: the
  // toolbar button and this shortcut are the ways in (the page buttons say so).
  commands: {
    _execute_sidebar_action: {
      suggested_key: { default: 'Alt+Shift+T' },
      description: '__MSG_openSidebar__',
    },
  },
  browser_specific_settings: {
    gecko: {
      id: GECKO_ID,
      strict_min_version: '140.0',
      // Nothing goes to us or to anyone by default (solo mode). Sync, when the manager connects a
      // service of their organisation, sends names, e-mail addresses and talk notes there.
      data_collection_permissions: {
        required: ['none'],
        optional: ['personallyIdentifyingInfo', 'personalCommunications'],
      },
    },
  },
};

// The extension's source lives in extension/ (DESIGN §3); shared/ is imported by relative path.
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  publicDir: 'extension/public',
  modules: [],
  // `npm run zip`: the sources zip is what addons.mozilla.org rebuilds the bundle from (`npm ci &&
  // npm run zip`); the service and the tests are not part of the extension.
  zip: {
    excludeSources: ['server/**', 'test/**', 'data/**', 'data-*/**', '.ci/**'],
  },
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Tandem',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // notifications: the reminders of DESIGN §5 (record within 24 h, items due, prepare tomorrow).
    permissions: ['storage', 'alarms', 'notifications', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Tandem', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    // The service URL is chosen by the user, so its host permission is requested at run time
    // (Firefox's MV2 manifest lists optional hosts under optional_permissions).
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(browser === 'firefox' ? { optional_permissions: ['http://*/*', 'https://*/*'] } : {}),
    // No other extension or web page may message us.
    externally_connectable: { ids: [] },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox' ? firefoxManifest : {}),
  }),
});
