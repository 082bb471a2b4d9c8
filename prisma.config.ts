import { defineConfig } from "prisma/config";

// The native schema engine cannot be downloaded here; generate/validate/format
// only need it to exist as a path. Migrations are applied by lib/db/migrate.ts.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    // Tolerate an unset DATABASE_URL: `prisma generate` must work on a fresh clone.
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/tern",
  },
});
