import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getOwner } from "~/modules/auth/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  throw redirect((await getOwner(request)) ? "/app" : "/login");
}
