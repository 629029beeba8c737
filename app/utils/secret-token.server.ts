// The one way this app makes and stores a secret link token (portal links, setup, invitations, password
// resets): 32 random bytes, base64url, in the link only; the database keeps its SHA-256.
import crypto from "node:crypto";

export function newSecretToken() {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}
