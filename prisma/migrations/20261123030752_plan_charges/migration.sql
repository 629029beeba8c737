-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "instalmentAttempt" INTEGER,
ADD COLUMN     "offSession" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "planFeeCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "savePaymentMethod" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "acceptedAt" TIMESTAMP(3) NOT NULL,
ADD COLUMN     "termsText" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "Instalment" ADD COLUMN     "feeCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastFailure" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Payment_instalmentId_instalmentAttempt_key" ON "Payment"("instalmentId", "instalmentAttempt");

-- Hand-written: instalments are positive and their fee share is part of them.
ALTER TABLE "Instalment" ADD CONSTRAINT "Instalment_amounts_valid" CHECK ("amountCents" > 0 AND "feeCents" >= 0 AND "feeCents" <= "amountCents");
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_plan_fee_nonnegative" CHECK ("planFeeCents" >= 0);
