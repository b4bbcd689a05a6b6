-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "clocked" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "dueAt" TIMESTAMP(3),
ADD COLUMN     "escalation" TEXT,
ADD COLUMN     "extensionStatus" TEXT,
ADD COLUMN     "pauseReason" TEXT,
ADD COLUMN     "pausedSince" TIMESTAMP(3),
ADD COLUMN     "petitionerEmail" TEXT,
ADD COLUMN     "warnAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "userId" TEXT,
    "caseId" TEXT,
    "template" TEXT NOT NULL,
    "subject" TEXT,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "messageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarRevision" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "holidays" JSONB NOT NULL,
    "workdays" JSONB NOT NULL,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "editedBy" TEXT NOT NULL,
    "editedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_caseId_idx" ON "Notification"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_key_recipient_key" ON "Notification"("key", "recipient");

-- CreateIndex
CREATE INDEX "CalendarRevision_year_id_idx" ON "CalendarRevision"("year", "id");

-- CreateIndex
CREATE INDEX "Case_dueAt_idx" ON "Case"("dueAt");

-- CreateIndex
CREATE INDEX "Case_townshipCode_stage_dueAt_idx" ON "Case"("townshipCode", "stage", "dueAt");

-- CreateIndex
CREATE INDEX "Case_townshipCode_stage_warnAt_idx" ON "Case"("townshipCode", "stage", "warnAt");

-- CreateIndex
CREATE INDEX "Case_escalation_idx" ON "Case"("escalation");


-- Cases registered before the workflow ran clocks: their earliest due time, as the projection computes it.
UPDATE "Case" SET "dueAt" = LEAST("stageDueAt", CASE WHEN "repliedAt" IS NULL THEN "replyDueAt" END) WHERE "stage" <> 'closed';
