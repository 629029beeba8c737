// The email render loop of the benchmark, in a process of its own (bench/emails.ts starts it); prints JSON.
import { renderEmailsFor } from "./email-render";

process.stdout.write(JSON.stringify(await renderEmailsFor(Number(process.argv[2] ?? 5))));
