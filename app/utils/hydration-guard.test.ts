import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { GUARDED_EVENTS, HYDRATION_GUARD } from "./hydration-guard";

describe("the hydration guard", () => {
  it("guards exactly the events React hydrates synchronously for, in the react-dom this app ships", () => {
    // The list lives in react-dom's event replaying; a React upgrade that changes it must change the guard too.
    const source = fs.readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve("react-dom/package.json")), "cjs/react-dom.development.js"), "utf8");
    const list = /var discreteReplayableEvents = \[([^\]]*)\]/.exec(source)?.[1];
    expect(list, "react-dom's discreteReplayableEvents").toBeDefined();
    const events = [...list!.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]);
    expect(events).toEqual([...GUARDED_EVENTS]);
  });

  it("stops those events at the window until lifted, lets other listeners of the window run, and lifts once", () => {
    const listeners = new Map<string, ((e: { stopPropagation(): void }) => void)[]>();
    const window = {
      addEventListener: (type: string, fn: (e: { stopPropagation(): void }) => void, capture: boolean) => {
        expect(capture).toBe(true);
        listeners.set(type, [...(listeners.get(type) ?? []), fn]);
      },
      removeEventListener: (type: string, fn: (e: { stopPropagation(): void }) => void) => listeners.set(type, (listeners.get(type) ?? []).filter((l) => l !== fn)),
      duelyHydrated: undefined as undefined | (() => void),
    };
    vm.runInNewContext(HYDRATION_GUARD, { window });
    const dispatch = (type: string) => {
      let stopped = 0;
      for (const fn of listeners.get(type) ?? []) fn({ stopPropagation: () => void stopped++ });
      return stopped;
    };
    for (const type of GUARDED_EVENTS) expect(dispatch(type), type).toBe(1);
    expect(dispatch("mouseover"), "a continuous event React replays itself").toBe(0);
    window.duelyHydrated!();
    for (const type of GUARDED_EVENTS) expect(dispatch(type), `${type} after hydration`).toBe(0);
    expect(() => window.duelyHydrated!()).not.toThrow();
  });
});
