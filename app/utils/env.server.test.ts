import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env.server";

describe("configuration", () => {
  it("has defaults for a machine with nothing set", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ APP_ENV: "development", PORT: 3000, APP_URL: "http://localhost:3000", RUN_JOBS_IN_WEB: true, EMBEDDED_PG_PORT: 54329 });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(parseEnv({ PORT: "4000", APP_URL: "https://pay.example.com/" }).APP_URL).toBe("https://pay.example.com");
  });
  it("names the variable and what is expected when a value is wrong", () => {
    expect(() => parseEnv({ PORT: "abc" })).toThrow(ConfigError);
    expect(() => parseEnv({ PORT: "abc" })).toThrow(/PORT: .*\(got "abc"\)/);
    expect(() => parseEnv({ RUN_JOBS_IN_WEB: "yes" })).toThrow(/RUN_JOBS_IN_WEB: expected "true" or "false"/);
  });
  it("never prints a connection string or secret it refuses", () => {
    let message = "";
    try {
      parseEnv({ DATABASE_URL: "mysql://user:hunter2@db/app" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL: expected a postgresql:\/\/ connection string \(value hidden\)/);
    expect(message).not.toContain("hunter2");
  });
  it("requires the production settings in production, naming each", () => {
    let message = "";
    try {
      parseEnv({ APP_ENV: "production" });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of ["SESSION_SECRET", "SMTP_URL", "APP_URL", "DATABASE_URL"]) expect(message).toContain(`${name}: is required when APP_ENV=production`);
  });
  it("treats empty values as unset", () => {
    const env = parseEnv({ PORT: "", DATABASE_URL: "" });
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
  });
});
