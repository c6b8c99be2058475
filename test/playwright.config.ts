import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './e2e',
  // Two cores: one browser at a time keeps runs steady.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '.reports/e2e.json' }]],
  use: { trace: 'off' },
});
