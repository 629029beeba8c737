import { useEffect, useRef, useState } from "react";

/**
 * State for a controlled text field that keeps what was typed before the page's scripts ran. React 18 hydrates a
 * controlled input without touching its DOM value but keeps its own state, and writes that state back on the next
 * render: on a slow machine the typed text would vanish at the first re-render, and a preview fed by the state
 * would show the server's text. On hydration this adopts the field's value (decision 034).
 */
export function useTypedValue<E extends HTMLInputElement | HTMLTextAreaElement>(initial: string) {
  const ref = useRef<E>(null);
  const [value, setValue] = useState(initial);
  useEffect(() => {
    const typed = ref.current?.value;
    if (typed !== undefined && typed !== initial) setValue(typed);
    // Only once, on hydration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return { ref, value, setValue };
}
