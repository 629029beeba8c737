import fc from "fast-check";

// Property tests explore new random cases on every local run; CI replays one fixed seed so that a red
// build always means a change broke something (run `npx vitest` locally to keep exploring).
fc.configureGlobal(process.env.CI ? { seed: 20_261_122, numRuns: 200 } : { numRuns: 200 });
