// How a payment's status follows from gateway events, whatever order they arrive in and however often.
// A success is final; otherwise the newest event wins, and at the same second the later stage wins.
export type PaymentStatus = "PENDING" | "PROCESSING" | "SUCCEEDED" | "FAILED" | "CANCELED";

const STAGE: Record<PaymentStatus, number> = { PENDING: 0, PROCESSING: 1, FAILED: 2, CANCELED: 2, SUCCEEDED: 3 };

export type PaymentState = { status: PaymentStatus; lastEventAt: Date | null };
export type IncomingState = { status: PaymentStatus; at: Date };

export function applyEvent(current: PaymentState, incoming: IncomingState): { next: PaymentState; changed: boolean } {
  const unchanged = { next: current, changed: false };
  if (current.status === "SUCCEEDED") return unchanged;
  if (incoming.status === current.status) {
    return { next: { status: current.status, lastEventAt: maxDate(current.lastEventAt, incoming.at) }, changed: false };
  }
  if (incoming.status === "SUCCEEDED") return { next: { status: "SUCCEEDED", lastEventAt: maxDate(current.lastEventAt, incoming.at) }, changed: true };
  if (current.lastEventAt) {
    const older = incoming.at.getTime() < current.lastEventAt.getTime();
    const sameSecondEarlierStage = incoming.at.getTime() === current.lastEventAt.getTime() && STAGE[incoming.status] < STAGE[current.status];
    if (older || sameSecondEarlierStage) return unchanged;
  }
  return { next: { status: incoming.status, lastEventAt: incoming.at }, changed: true };
}

function maxDate(a: Date | null, b: Date) {
  return a && a.getTime() > b.getTime() ? a : b;
}
