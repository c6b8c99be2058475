import { defineConfig } from 'wxt';
import { PORTAL_MATCHES } from './utils/pages/hosts';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where `browser` and `defineBackground` come from.
  imports: false,
  zip: {
    // The sources AMO asks for (bundled code) are what builds the extension: no tests, fixtures or
    // benches, and none of what .gitignore keeps out of the repository (WXT already leaves out
    // node_modules, .output and dotfiles). test/zip-contents.mjs checks the zip against git.
    excludeSources: ['test/**', 'test-results/**', 'playwright-report/**', 'bench-results.json', '**/*.log'],
  },
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // storage: browser.storage.session remembers the popup's choice per tab. alarms: the 补正
    // reminder on the toolbar icon follows the date while the background sleeps (it reads nothing).
    permissions: ['storage', 'alarms', 'scripting'],
    host_permissions: PORTAL_MATCHES,
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'",
    },
    commands: {
      // Fills the active tab with the owner and work chosen for it in the popup.
      'fill-page': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_commandFill__' },
    },
    browser_specific_settings: {
      // AMO asks every new extension to declare what it collects: nothing leaves this computer.
      // Firefox 140+ shows it at install; earlier versions ignore the key.
      gecko: { id: 'ruanzhu-assistant@example.org', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } },
    },
  },
});
