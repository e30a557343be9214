import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The extension's source lives in extension/ (DESIGN §3); shared/ is imported by relative path.
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  publicDir: 'extension/public',
  modules: [],
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
  }),
});
