// The request's CSP nonce for every <script> React renders. The server provides it; in the browser the
// context is empty (browsers hide a nonce from the DOM after load), which matches what hydration reads.
import { createContext, useContext } from "react";

const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

export function useNonce() {
  return useContext(NonceContext);
}
