-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "finalAt" TIMESTAMP(3),
ADD COLUMN     "petitionerSatisfaction" TEXT,
ADD COLUMN     "repeatOfCaseId" TEXT,
ADD COLUMN     "reviewPending" TEXT,
ADD COLUMN     "reviewWindow" TEXT,
ADD COLUMN     "reviewWindowEndsAt" TIMESTAMP(3),
ADD COLUMN     "reviewed" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Case_petitionerIdNumber_idx" ON "Case"("petitionerIdNumber");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_repeatOfCaseId_fkey" FOREIGN KEY ("repeatOfCaseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

