-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "queryCode" TEXT;

-- AlterTable: notices already posted get a random public id.
ALTER TABLE "Notice" ADD COLUMN     "publicId" TEXT;
UPDATE "Notice" SET "publicId" = replace(gen_random_uuid()::text, '-', '') WHERE "publicId" IS NULL;
ALTER TABLE "Notice" ALTER COLUMN "publicId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Notice_publicId_key" ON "Notice"("publicId");
