// Which pages send the app's JavaScript. A page that works entirely as plain HTML (links and forms) can say so in
// its route's `handle`; the root layout then renders no <Scripts/> for it: on a phone's first load the scripts are
// most of the bytes and all of the main-thread work (docs/decisions/034-first-load.md).
import { useMatches } from "@remix-run/react";

/** A route's `handle` for a page that needs no JavaScript: `export const handle = withoutScripts;`. */
export const withoutScripts = { scripts: false } as const;

type ScriptsHandle = { scripts?: boolean };

/** False when any route of the page says it works without JavaScript. */
export function pageScripts(handles: readonly unknown[]) {
  return !handles.some((h) => typeof h === "object" && h !== null && (h as ScriptsHandle).scripts === false);
}

export function usePageScripts() {
  return pageScripts(useMatches().map((m) => m.handle));
}
