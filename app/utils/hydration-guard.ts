// Until React has hydrated the page, the page is the plain HTML page: its links and forms work natively, and React
// does not see the customer's taps.
//
// Why: Remix hydrates inside startTransition, in slices between which the browser runs input events. React 18
// answers a tap or a key that lands between two slices by hydrating the rest synchronously
// (attemptSynchronousHydration). On a slow machine that pass fails with React error #345 ("Root did not complete")
// and the page is never hydrated: the pay page's total stops following the amount, and a card form would never
// mount. A CI run met it on the pay page; `test/e2e/hydration.spec.ts` reproduces it with the CPU slowed down.
// Hydrating in one task instead (no startTransition) took the pay page's total blocking time on a phone from 29 ms
// to 503 ms (Lighthouse score 100 -> 87), so hydration stays sliced and this guard keeps the events from React
// until it is done (decision 034).
//
// The guard is one inline line in <head> (with the response's CSP nonce), ahead of the app's scripts. It listens on
// window in the capture phase, the first stop of every event, and stops the propagation of the events React would
// hydrate synchronously for (React 18's discrete replayable events). Default actions still happen: a tap on a link
// follows it, a submit button submits its form, typing types. The root layout calls `duelyHydrated()` from an effect,
// which runs once hydration has committed, and that removes the guard. An inline script of a page that must act
// before hydration listens on window in the capture phase too: stopPropagation leaves other listeners of the same
// node running.
import { useEffect } from "react";

/** React 18.3's `discreteReplayableEvents` (react-dom's ReactDOMEventReplaying). */
export const GUARDED_EVENTS = [
  "mousedown",
  "mouseup",
  "touchcancel",
  "touchend",
  "touchstart",
  "auxclick",
  "dblclick",
  "pointercancel",
  "pointerdown",
  "pointerup",
  "dragend",
  "dragstart",
  "drop",
  "compositionend",
  "compositionstart",
  "keydown",
  "keypress",
  "keyup",
  "input",
  "textInput",
  "copy",
  "cut",
  "paste",
  "click",
  "change",
  "contextmenu",
  "reset",
  "submit",
] as const;

// A control that only works with scripts would lose a tap made in that window: the guard keeps, in order, the taps
// on a `<button type="button">` and the last choice in each `<select>`, and does them again once the guard is lifted,
// now that React listens. A select's choice is set again before its change is sent: a re-render in between (another
// replayed change) may have put the select back to the page's state. Links, submit buttons and fields need no
// replay: their default action already happened, and what was typed or picked is adopted on hydration
// (useTypedValue, the plan page, the pay page, the invoice editor).
export const HYDRATION_GUARD = `(function(w){var t=${JSON.stringify(GUARDED_EVENTS.join(" "))}.split(" "),r=[],s=function(e){e.stopPropagation();var x=e.target,i;if(e.type==="click"){var b=x&&x.closest&&x.closest('button[type="button"]');if(b)r.push({x:b})}else if(e.type==="change"&&x&&x.tagName==="SELECT"){for(i=0;i<r.length;i++)if(r[i].x===x){r[i].v=x.value;return}r.push({x:x,v:x.value})}};t.forEach(function(n){w.addEventListener(n,s,true)});w.duelyHydrated=function(){t.forEach(function(n){w.removeEventListener(n,s,true)});w.duelyHydrated=function(){};setTimeout(function(){r.forEach(function(c){var x=c.x;if(!x.isConnected||x.disabled)return;if(x.tagName==="SELECT"){x.value=c.v;x.dispatchEvent(new Event("change",{bubbles:true}))}else x.click()})},0)}})(window)`;

declare global {
  interface Window {
    duelyHydrated?: () => void;
  }
}

/** In the root layout: lifts the guard once the page has hydrated. */
export function useLiftHydrationGuard() {
  useEffect(() => window.duelyHydrated?.(), []);
}
