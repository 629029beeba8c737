/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  tailwind: true,
  postcss: true,
  // The launcher (app/server/main.js) reads the server build's entry module to boot the database and jobs.
  serverBuildPath: "build/index.js",
  // Its "pure" entry is a directory import that Node's ESM loader refuses: bundle it instead.
  serverDependenciesToBundle: [/^@stripe\/stripe-js/],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
