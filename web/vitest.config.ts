import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { contractsAlias, i18nDefines } from './vite.config.js';

const repoDir = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: repoDir,
  plugins: [vue()],
  resolve: { alias: contractsAlias },
  define: i18nDefines,
  test: {
    name: 'web',
    // Test files are globbed from the repository root, also when the root config runs this file as a project.
    dir: repoDir,
    environment: 'jsdom',
    include: ['web/test/**/*.test.ts'],
    restoreMocks: true,
  },
});
