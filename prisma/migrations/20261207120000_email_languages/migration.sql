-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "locale" TEXT;

-- CreateTable
CREATE TABLE "TierText" (
    "id" TEXT NOT NULL,
    "tierId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TierText_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TierText_tierId_language_key" ON "TierText"("tierId", "language");

-- AddForeignKey
ALTER TABLE "TierText" ADD CONSTRAINT "TierText_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "ReminderTier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The languages Duely speaks (app/modules/i18n/locales.ts LOCALES).
ALTER TABLE "TierText" ADD CONSTRAINT "TierText_language_check" CHECK ("language" IN ('en', 'es', 'fr', 'de', 'sv', 'ru', 'zh', 'ar'));
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_locale_check" CHECK ("locale" IS NULL OR "locale" IN ('en', 'es', 'fr', 'de', 'sv', 'ru', 'zh', 'ar'));
