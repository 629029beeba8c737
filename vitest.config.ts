import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "~": path.resolve(import.meta.dirname, "app") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "emails/**/*.test.{ts,tsx}"],
          environment: "node",
          setupFiles: ["test/setup/fail-on-console-error.ts", "test/setup/property-tests.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/setup/integration-global.ts"],
          setupFiles: ["test/setup/fail-on-console-error.ts", "test/setup/integration-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file gets its own database, cloned from a migrated template; two at a time fits 2 cores.
          maxWorkers: 2,
        },
      },
    ],
  },
});
