-- AlterEnum
ALTER TYPE "PaymentMethodType" ADD VALUE 'SEPA_DEBIT';

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "sepaMandateId" TEXT;

-- AlterTable
ALTER TABLE "PaymentMethod" ADD COLUMN     "sepaMandateId" TEXT;

-- CreateTable
CREATE TABLE "SepaMandate" (
    "id" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "providerMandateId" TEXT,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "holderName" TEXT NOT NULL,
    "holderEmail" TEXT NOT NULL,
    "ibanCountry" CHAR(2) NOT NULL,
    "ibanLast4" TEXT NOT NULL,
    "bankCode" TEXT,
    "text" TEXT NOT NULL,
    "acceptedAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SepaMandate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SepaMandate_reference_key" ON "SepaMandate"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "SepaMandate_providerMandateId_key" ON "SepaMandate"("providerMandateId");

-- CreateIndex
CREATE INDEX "SepaMandate_customerId_idx" ON "SepaMandate"("customerId");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_sepaMandateId_fkey" FOREIGN KEY ("sepaMandateId") REFERENCES "SepaMandate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentMethod" ADD CONSTRAINT "PaymentMethod_sepaMandateId_fkey" FOREIGN KEY ("sepaMandateId") REFERENCES "SepaMandate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SepaMandate" ADD CONSTRAINT "SepaMandate_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A mandate's fixed sets and shapes; a SEPA debit is in euros, whatever else changes.
ALTER TABLE "SepaMandate" ADD CONSTRAINT "SepaMandate_type_check" CHECK ("type" IN ('single_use', 'multi_use'));
ALTER TABLE "SepaMandate" ADD CONSTRAINT "SepaMandate_status_check" CHECK ("status" IN ('active', 'inactive', 'pending'));
ALTER TABLE "SepaMandate" ADD CONSTRAINT "SepaMandate_iban_check" CHECK ("ibanCountry" ~ '^[A-Z]{2}$' AND "ibanLast4" ~ '^[0-9A-Z]{4}$');
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_sepa_in_euros_check" CHECK ("method"::text <> 'SEPA_DEBIT' OR "currency" = 'EUR');
