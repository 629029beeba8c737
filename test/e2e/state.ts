import fs from "node:fs";
import { STATE_FILE } from "./global-setup";

export function demoState(): { portalLink: string; ownerSignIn: string } {
  return JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));
}

export const OWNER = { email: "owner@northwind.test", password: "paid-on-time-2026" };
