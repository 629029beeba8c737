import { useNavigate } from "@remix-run/react";
import { useCallback, type MouseEvent } from "react";

/**
 * Client-side navigation for the plain `<a>` links of a long list, from one click handler on the list.
 * Remix's `<Link>` costs ~16 µs each to render on the server (a portal page of 50 invoices spent a seventh of
 * its CPU on them; docs/decisions/018-hot-reads.md), so lists render `<a data-discover>` and their container
 * takes `onClick={useListLinks()}`. Links work before the page's script has loaded, keyboard activation is a
 * click, and modified clicks (new tab, download) are left to the browser.
 */
export function useListLinks() {
  const navigate = useNavigate();
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const anchor = event.target instanceof Element ? event.target.closest("a") : null;
      if (!anchor || !event.currentTarget.contains(anchor) || (anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return;
      if (anchor.origin !== window.location.origin) return;
      event.preventDefault();
      navigate(anchor.pathname + anchor.search + anchor.hash);
    },
    [navigate],
  );
}
