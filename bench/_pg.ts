import { startEmbeddedPostgres } from "~/utils/database.server";
await startEmbeddedPostgres({ dir: ".data/bench-postgres", port: 54401 });
console.log("up");
setInterval(() => undefined, 1 << 30);
