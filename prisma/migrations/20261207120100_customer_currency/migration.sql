-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "currency" TEXT;

-- Null: the business's currency (decision 032).
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_currency_check" CHECK ("currency" IS NULL OR "currency" IN ('USD', 'EUR', 'GBP', 'CAD', 'AUD', 'SEK', 'JPY', 'CNY'));
