-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "villageCode" TEXT;

-- CreateTable
CREATE TABLE "County" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "County_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Village" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "townshipCode" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Village_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE UNIQUE INDEX "Village_townshipCode_name_key" ON "Village"("townshipCode", "name");

-- CreateIndex
CREATE INDEX "Case_villageCode_idx" ON "Case"("villageCode");

-- AddForeignKey
ALTER TABLE "Village" ADD CONSTRAINT "Village_townshipCode_fkey" FOREIGN KEY ("townshipCode") REFERENCES "Township"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_villageCode_fkey" FOREIGN KEY ("villageCode") REFERENCES "Village"("code") ON DELETE SET NULL ON UPDATE CASCADE;


-- The county is one row.
ALTER TABLE "County" ADD CONSTRAINT "County_single_row" CHECK ("id" = 1);
