// Zod compiles object parsers with `new Function` and probes for it at each schema's creation. The CSP forbids
// eval, so in the browser the probe would be reported as a violation: switch the compiler off there. root.tsx
// imports this first, so it runs before any route module builds a schema.
import { z } from "zod";

if (typeof document !== "undefined") z.config({ jitless: true });
