-- CreateTable
CREATE TABLE "ReminderSkip" (
    "id" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "tierId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderSkip_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReminderSkip_invoiceId_tierId_reason_key" ON "ReminderSkip"("invoiceId", "tierId", "reason");

