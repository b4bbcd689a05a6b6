-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "firstAidAt" TIMESTAMP(3),
ADD COLUMN     "urgent" BOOLEAN NOT NULL DEFAULT false;
