import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// The schema's `env("DATABASE_URL")` must resolve even where no database is involved (`prisma generate`
// at install time); without it the CLI falls back to downloading a native engine, which fails offline.
process.env.DATABASE_URL ||= 'postgresql://localhost/jianjian';

// Prisma's WebAssembly schema engine: migrations and generation work without downloading a native engine.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
