-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "gatewayCancelDueAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Payment_gatewayCancelDueAt_idx" ON "Payment"("gatewayCancelDueAt");

