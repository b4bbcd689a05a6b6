-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "concernsCadre" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Body" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT,
    "contactEmail" TEXT,
    "address" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Body_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentNumberCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "DocumentNumberCounter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "CaseDocument" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "docNo" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "deliveryMethod" TEXT,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "CaseDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Body_name_key" ON "Body"("name");

-- CreateIndex
CREATE INDEX "Body_kind_active_idx" ON "Body"("kind", "active");

-- CreateIndex
CREATE UNIQUE INDEX "CaseDocument_key_key" ON "CaseDocument"("key");

-- CreateIndex
CREATE UNIQUE INDEX "CaseDocument_docNo_key" ON "CaseDocument"("docNo");

-- CreateIndex
CREATE INDEX "CaseDocument_caseId_issuedAt_idx" ON "CaseDocument"("caseId", "issuedAt");

-- AddForeignKey
ALTER TABLE "CaseDocument" ADD CONSTRAINT "CaseDocument_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

