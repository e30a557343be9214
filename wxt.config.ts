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
    permissions: ['storage', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // The service URL is chosen by the user, so its host permission is requested at run time.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // No other extension or web page may message us.
    externally_connectable: { ids: [] },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
  }),
});
