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
          include: ["app/**/*.test.{ts,tsx}", "emails/**/*.test.{ts,tsx}", "bench/**/*.test.ts"],
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
      {
        extends: true,
        test: {
          // Fault and abuse tests (issue 8). RELIABILITY_SCALE=full (npm run test:reliability) runs the sizes the
          // issue names; CI runs the small version inside npm test. Each file prints its figure (test/reliability/figures.ts).
          name: "reliability",
          include: ["test/reliability/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/setup/integration-global.ts"],
          setupFiles: ["test/setup/fail-on-console-error.ts", "test/setup/integration-database.ts"],
          testTimeout: 600_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
        },
      },
    ],
  },
});
