import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/core/store/schema.node.ts',
  out: './drizzle/local',
});
