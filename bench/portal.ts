export type LoadFigures = { rps: number; p50: number; p99: number };
export async function benchPortal(_o: { databaseUrl: string; seconds: number; log: (l: string) => void }): Promise<{ app: LoadFigures; bare: LoadFigures }> {
  throw new Error("not yet");
}
