import { inject } from "vitest";

// Every integration test file talks to the run's fresh database through the app's own db().
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-test-secret";
process.env.TERN_ENCRYPTION_KEY ??= "integration-test-encryption-key";
