-- AlterTable
ALTER TABLE "Business" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "language" TEXT;


-- The languages Duely speaks (app/modules/i18n/locales.ts LOCALES).
ALTER TABLE "Business" ADD CONSTRAINT "Business_language_check" CHECK ("language" IN ('en', 'es', 'fr', 'de', 'sv', 'ru', 'zh', 'ar'));
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_language_check" CHECK ("language" IS NULL OR "language" IN ('en', 'es', 'fr', 'de', 'sv', 'ru', 'zh', 'ar'));
