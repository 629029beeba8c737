// What the signed-in person's role allows, for hiding buttons they could not use. The server still checks every
// action (requireUser); this only keeps a Viewer from meeting forms that would answer 403.
import { useRouteLoaderData } from "@remix-run/react";
import type { Permission } from "~/modules/auth/roles";

export function useCan() {
  const data = useRouteLoaderData<{ permissions: Permission[] }>("routes/app");
  return (permission: Permission) => data?.permissions.includes(permission) ?? false;
}
