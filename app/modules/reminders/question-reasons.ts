export const QUESTION_REASONS = {
  NOT_RECEIVED: "I did not receive what I was invoiced for",
  AMOUNT_WRONG: "The amount looks wrong",
  NEED_COPY: "I need a copy or more detail",
  OTHER: "Something else",
} as const;
export type QuestionReason = keyof typeof QUESTION_REASONS;
