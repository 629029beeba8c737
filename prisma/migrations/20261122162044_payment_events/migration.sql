-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "lastEventAt" TIMESTAMP(3),
ADD COLUMN     "methodDetails" TEXT;


-- Receipt numbers count up per installation: R-000001, R-000002, ...
CREATE SEQUENCE "receipt_number_seq" START 1;
