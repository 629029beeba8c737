// Which portal pages are sent with the app's JavaScript (docs/decisions/034-first-load.md).
import { expect, it } from "vitest";
import { pageScripts } from "~/utils/page-scripts";
import * as layout from "./portal";
import * as home from "./portal._index";
import * as invoice from "./portal.invoices.$id";
import * as pay from "./portal.pay";
import * as payment from "./portal.payments.$id";
import * as planSetup from "./portal.plan";
import * as plan from "./portal.plans.$id";

const handleOf = (route: object) => ("handle" in route ? route.handle : undefined);
const scripts = (leaf: object) => pageScripts([handleOf(layout), handleOf(leaf)]);

it("the portal home and the invoice page go without; the pages that compute as you type or hold the card field keep theirs", () => {
  expect(scripts(home)).toBe(false);
  expect(scripts(invoice)).toBe(false);
  for (const route of [pay, planSetup, payment, plan]) expect(scripts(route)).toBe(true);
});
