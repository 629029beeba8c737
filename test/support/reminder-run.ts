// One reminder run in its own process, so a test can kill it at any moment.
import { runReminders } from "../../app/modules/reminders/engine.server";
import { disconnectDb } from "../../app/utils/db.server";

const [businessId, at] = process.argv.slice(2);
process.stdout.write("started\n");
await runReminders({ businessId, at: new Date(at!) });
await disconnectDb();
process.stdout.write("finished\n");
process.exit(0);
