-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "townshipCode" TEXT NOT NULL,
    "village" TEXT NOT NULL,
    "householdName" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "proposedDecision" TEXT NOT NULL,
    "proposedAmount" DECIMAL(12,2),
    "decision" TEXT NOT NULL,
    "amount" DECIMAL(12,2),
    "levels" TEXT[],
    "round" INTEGER NOT NULL,
    "level" TEXT,
    "phase" TEXT NOT NULL,
    "postedAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3),
    "objections" INTEGER NOT NULL DEFAULT 0,
    "reviewResult" TEXT,
    "outcome" TEXT,
    "effectiveAt" TIMESTAMP(3),
    "lastEventSeq" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeEvent" (
    "id" BIGSERIAL NOT NULL,
    "noticeId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "NoticeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssistanceListEntry" (
    "category" TEXT NOT NULL,
    "townshipCode" TEXT NOT NULL,
    "village" TEXT NOT NULL,
    "householdName" TEXT NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "noticeId" TEXT NOT NULL,

    CONSTRAINT "AssistanceListEntry_pkey" PRIMARY KEY ("category","townshipCode","village","householdName")
);

-- CreateIndex
CREATE INDEX "Notice_phase_closesAt_idx" ON "Notice"("phase", "closesAt");

-- CreateIndex
CREATE INDEX "Notice_caseId_idx" ON "Notice"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "NoticeEvent_noticeId_seq_key" ON "NoticeEvent"("noticeId", "seq");

-- CreateIndex
CREATE INDEX "AssistanceListEntry_townshipCode_category_idx" ON "AssistanceListEntry"("townshipCode", "category");

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_townshipCode_fkey" FOREIGN KEY ("townshipCode") REFERENCES "Township"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeEvent" ADD CONSTRAINT "NoticeEvent_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

