import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig(async () => {
  const plugins = await WxtVitest({ root });
  // Under vitest 4 the globals plugin must run first or import.meta.env.BROWSER is undefined.
  for (const p of plugins.flat()) if (p && typeof p === 'object' && 'name' in p && p.name === 'wxt:globals') Object.assign(p, { enforce: 'pre' });
  return {
    root,
    plugins,
    test: {
      include: ['test/unit/**/*.test.{ts,tsx}'],
      environment: 'happy-dom',
      setupFiles: ['test/unit/setup.ts'],
      // Property-based and image tests are CPU-bound: on a busy 2-core machine 5 s is too tight.
      testTimeout: 30_000,
    },
  };
});
