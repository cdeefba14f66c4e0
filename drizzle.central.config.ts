import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src-central/store/schema.node.ts',
  out: './drizzle/central',
});
