-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "dueProvisional" BOOLEAN NOT NULL DEFAULT false;
