import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/{unit,store,contract,host,central,sync,print}/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
