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

  type Listener = (e: { type: string; target: unknown; stopPropagation(): void }) => void;
  function loadGuard() {
    const listeners = new Map<string, Listener[]>();
    const timers: (() => void)[] = [];
    const window = {
      addEventListener: (type: string, fn: Listener, capture: boolean) => {
        expect(capture).toBe(true);
        listeners.set(type, [...(listeners.get(type) ?? []), fn]);
      },
      removeEventListener: (type: string, fn: Listener) => listeners.set(type, (listeners.get(type) ?? []).filter((l) => l !== fn)),
      duelyHydrated: undefined as undefined | (() => void),
    };
    class Event {
      constructor(
        readonly type: string,
        readonly init: { bubbles: boolean },
      ) {}
    }
    vm.runInNewContext(HYDRATION_GUARD, { window, Event, setTimeout: (fn: () => void) => timers.push(fn) });
    const dispatch = (type: string, target: unknown = null) => {
      let stopped = 0;
      for (const fn of listeners.get(type) ?? []) fn({ type, target, stopPropagation: () => void stopped++ });
      return stopped;
    };
    const lift = () => {
      window.duelyHydrated!();
      for (const fn of timers.splice(0)) fn();
    };
    return { dispatch, lift, window };
  }

  it("stops those events at the window until lifted, and lifts once", () => {
    const { dispatch, lift, window } = loadGuard();
    for (const type of GUARDED_EVENTS) expect(dispatch(type), type).toBe(1);
    expect(dispatch("mouseover"), "a continuous event React replays itself").toBe(0);
    lift();
    for (const type of GUARDED_EVENTS) expect(dispatch(type), `${type} after hydration`).toBe(0);
    expect(() => window.duelyHydrated!()).not.toThrow();
  });

  it("does again, once lifted, the taps on script-only buttons and the choices in selects, and nothing else", () => {
    const { dispatch, lift } = loadGuard();
    const clicks: string[] = [];
    const button = (name: string, extra: Partial<{ disabled: boolean; isConnected: boolean }> = {}) => {
      const el = { tagName: "BUTTON", disabled: false, isConnected: true, ...extra, click: () => clicks.push(name), closest: () => el };
      return el;
    };
    const inside = (el: unknown) => ({ tagName: "SPAN", closest: (selector: string) => (selector === 'button[type="button"]' ? el : null) });
    const changes: string[] = [];
    const select = (name: string) => {
      const el = { tagName: "SELECT", value: "en", disabled: false, isConnected: true, dispatchEvent: (e: { type: string; init: { bubbles: boolean } }) => changes.push(`${name}:${el.value}:${e.type}:${e.init.bubbles}`) };
      return el;
    };
    const addLine = button("add a line");
    const language = select("language");
    dispatch("click", inside(addLine));
    dispatch("click", addLine);
    dispatch("click", button("gone", { isConnected: false }));
    dispatch("click", button("disabled", { disabled: true }));
    dispatch("click", { tagName: "A", closest: () => null }); // a link: followed natively, not replayed
    language.value = "fr";
    dispatch("change", language);
    language.value = "de";
    dispatch("change", language);
    language.value = "en"; // a re-render after hydration put the page's value back
    dispatch("change", { tagName: "INPUT" }); // a field: adopted on hydration, not replayed
    expect(clicks).toEqual([]);
    lift();
    expect(clicks).toEqual(["add a line", "add a line"]);
    expect(changes).toEqual(["language:de:change:true"]);
  });
});
