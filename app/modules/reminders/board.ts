// What the tier board's badges are called: shared by the server that computes them and the page that shows them.
export type BoardBadge = "disputed" | "promise" | "question" | "plan" | "processing" | "paused";
export const BADGE_LABELS: Record<BoardBadge, string> = { disputed: "Disputed", promise: "Promise", question: "Question", plan: "Plan", processing: "ACH processing", paused: "Paused" };
