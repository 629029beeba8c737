import { z } from "zod";

const boolean = z
  .enum(["true", "false", "1", "0"], { message: 'expected "true" or "false"' })
  .transform((v) => v === "true" || v === "1");

const schema = z
  .object({
    APP_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    APP_URL: z.url({ message: "expected an absolute URL such as https://pay.example.com" }).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "expected a postgresql:// connection string")
      .optional(),
    EMBEDDED_PG_DIR: z.string().min(1).default(".data/postgres"),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    SESSION_SECRET: z.string().min(32, "expected at least 32 random characters").optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "expected smtp://user:password@host:port or smtps://...")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Duely <no-reply@duely.test>"),
    RUN_JOBS_IN_WEB: boolean.default(true),
    SLOW_QUERY_MS: z.coerce.number().int().min(0).default(200),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    SIMULATOR_ACH_DELAY_SECONDS: z.coerce.number().int().min(0).max(86400).default(30),
    STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_/, "expected a Stripe secret key (sk_test_... or sk_live_...)").optional(),
    STRIPE_PUBLISHABLE_KEY: z.string().regex(/^pk_(test|live)_/, "expected a Stripe publishable key (pk_...)").optional(),
    STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_/, "expected a webhook signing secret (whsec_...)").optional(),
  })
  .superRefine((env, ctx) => {
    if (env.APP_ENV !== "production") return;
    for (const key of ["SESSION_SECRET", "SMTP_URL", "APP_URL", "DATABASE_URL"] as const) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when APP_ENV=production" });
    }
  });

export type Env = z.infer<typeof schema> & { APP_URL: string; SESSION_SECRET: string };

export class ConfigError extends Error {}

/** Validates process.env; a wrong value stops the app with a message naming the variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const name = i.path.join(".") || "(environment)";
      const value = typeof i.path[0] === "string" ? cleaned[i.path[0]] : undefined;
      const shown = value === undefined ? "" : i.path[0]?.toString().match(/SECRET|PASSWORD|SMTP_URL|DATABASE_URL/) ? " (value hidden)" : ` (got "${value}")`;
      return `  ${name}: ${i.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration. Fix these environment variables (see .env.example):\n${lines.join("\n")}`);
  }
  const env = result.data;
  return {
    ...env,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    SESSION_SECRET: env.SESSION_SECRET ?? "development-only-secret-change-me-please-0000",
  };
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Re-reads process.env on the next getEnv() (tests change variables between cases). */
export function resetEnvCache() {
  cached = undefined;
}

/** Test clock, dev mailbox and demo tools are available everywhere except production. */
export function isProduction() {
  return getEnv().APP_ENV === "production";
}
