import { defineConfig } from '@playwright/test';
import { chromiumPath } from './e2e/env';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: '.tmp/test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1200, height: 860 },
    trace: 'off',
    launchOptions: {
      executablePath: chromiumPath(),
      // Without these, Chromium keeps trying to reach Google's services on a closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
