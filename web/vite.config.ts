import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const repoDir = fileURLToPath(new URL('..', import.meta.url));
const apiTarget = process.env.SWITCHBOARD_API ?? 'http://127.0.0.1:3000';

/** Shared with vitest.config.ts: the contract is imported from the server, never copied. */
export const contractsAlias = {
  '@contracts': fileURLToPath(new URL('../server/src/contracts/index.ts', import.meta.url)),
};

/** vue-i18n compile-time flags: composition API only, no devtools in production. */
export const i18nDefines = {
  __VUE_I18N_FULL_INSTALL__: 'true',
  __VUE_I18N_LEGACY_API__: 'false',
  __INTLIFY_PROD_DEVTOOLS__: 'false',
  __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
};

export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [vue()],
  resolve: { alias: contractsAlias },
  define: i18nDefines,
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    fs: { allow: [repoDir] },
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/socket.io': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
});
