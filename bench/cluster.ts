// `npm run bench -- --processes=N`: N web processes behind one port with Node's cluster module, as a machine with
// N cores would run `npm start` N times behind its load balancer. The primary forks the workers one after another
// (each applies the migrations at boot, so they do not race) and only hands connections out (round-robin).
// Started by bench/portal.ts with BENCH_PROCESSES and BENCH_NODE_FLAGS (the Node flags of `npm start`).
import cluster from "node:cluster";

const count = Number(process.env.BENCH_PROCESSES);
if (!Number.isInteger(count) || count < 1) throw new Error(`BENCH_PROCESSES must be a whole number of processes, got "${process.env.BENCH_PROCESSES}"`);
cluster.schedulingPolicy = cluster.SCHED_RR;
cluster.setupPrimary({ exec: "app/server/main.js", execArgv: (process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean), silent: false });

for (let i = 0; i < count; i++) {
  const worker = cluster.fork();
  await new Promise<void>((resolve, reject) => {
    worker.once("listening", () => resolve());
    worker.once("exit", (code) => reject(new Error(`web process ${i + 1} exited (${code}) before it listened`)));
  });
}
let stopping = false;
cluster.on("exit", (worker, code) => {
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    return;
  }
  console.error(`web process ${worker.process.pid} exited (${code})`);
  process.exit(1);
});
console.log(`all ${count} web processes listening`);
const stop = () => {
  stopping = true;
  for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
