import crypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hitRateLimit, peekRateLimit } from "../../app/modules/rate-limit/rate-limit.server";

let clock: { mockRestore: () => void } | undefined;
afterEach(() => {
  clock?.mockRestore();
  clock = undefined;
});

const WINDOW = 900;
/** Only Date.now moves (what the rate limits read); the database and everything else keep real time. */
function at(ms: number) {
  clock?.mockRestore();
  clock = vi.spyOn(Date, "now").mockReturnValue(ms);
}

describe("rate limits", () => {
  it("count a burst split across a window boundary as one burst (a sliding window, not two fixed ones)", async () => {
    const key = `test:${crypto.randomUUID()}`;
    const boundary = Math.ceil(Date.now() / (WINDOW * 1000)) * WINDOW * 1000;
    at(boundary - 200);
    for (let i = 0; i < 5; i++) expect((await hitRateLimit(key, 5, WINDOW)).allowed).toBe(true);
    expect((await hitRateLimit(key, 5, WINDOW)).allowed).toBe(false);
    // Just past the boundary the previous window still counts almost fully.
    at(boundary + 100);
    expect((await peekRateLimit(key, 5, WINDOW)).allowed).toBe(false);
    const blocked = await hitRateLimit(key, 5, WINDOW);
    expect(blocked).toMatchObject({ allowed: false, remaining: 0 });
    expect(blocked.retryAfterSeconds).toBeGreaterThan(WINDOW - 2);
    // A whole window later the old hits have slid out.
    at(boundary + WINDOW * 1000 + 100);
    expect((await hitRateLimit(key, 5, WINDOW)).allowed).toBe(true);
  });

  it("let the previous window's hits fade as it slides out", async () => {
    const key = `test:${crypto.randomUUID()}`;
    const boundary = Math.ceil(Date.now() / (WINDOW * 1000)) * WINDOW * 1000;
    at(boundary - 1000);
    for (let i = 0; i < 4; i++) await hitRateLimit(key, 4, WINDOW);
    // Three quarters into the next window a quarter of the 4 old hits still counts: 1 + 1 new = 2 of 4.
    at(boundary + WINDOW * 750);
    expect(await hitRateLimit(key, 4, WINDOW)).toMatchObject({ allowed: true, remaining: 2 });
  });
});
