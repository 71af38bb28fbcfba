// `npm run screenshots`: retakes the README's pictures (docs/screenshots/*.png). Kept out of
// `npm test`, which must not rewrite tracked files nor count pictures as passed tests.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({ ...base, testMatch: '**/*.shots.ts', workers: 1 });
