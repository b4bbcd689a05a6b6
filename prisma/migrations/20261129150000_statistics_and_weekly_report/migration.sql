-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "acceptanceDueAt" TIMESTAMP(3),
ADD COLUMN     "satisfaction" TEXT;

-- CreateTable
CREATE TABLE "WeeklyReport" (
    "weekStart" TIMESTAMP(3) NOT NULL,
    "weekEnd" TIMESTAMP(3) NOT NULL,
    "generatedAt" TIMESTAMP(3) NOT NULL,
    "trigger" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "html" TEXT NOT NULL,
    "mailedAt" TIMESTAMP(3),
    "recipients" TEXT[],

    CONSTRAINT "WeeklyReport_pkey" PRIMARY KEY ("weekStart")
);

-- CreateIndex
CREATE INDEX "Case_closedAt_idx" ON "Case"("closedAt");


-- Backfill cases registered before these columns existed. A case already past acceptance gets the
-- default acceptance limit (15 days), which is all its on-time judgement can use.
UPDATE "Case" SET "acceptanceDueAt" = CASE WHEN "stage" = 'registered' THEN "stageDueAt" ELSE "receivedAt" + interval '15 days' END;
UPDATE "Case" c SET "satisfaction" = e."data"->>'response' FROM "CaseEvent" e WHERE e."caseId" = c."id" AND e."type" = 'follow-up';
