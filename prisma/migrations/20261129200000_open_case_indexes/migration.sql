-- Open cases only (Prisma's schema cannot state a partial index, so these live here alone): the
-- dashboard's three counts and the overdue list read open cases by due time or escalation, and with
-- the township and stage in the index they are answered from it without visiting closed cases.
CREATE INDEX "Case_open_dueAt_idx" ON "Case" ("dueAt") INCLUDE ("townshipCode", "stage", "warnAt") WHERE "stage" <> 'closed';
CREATE INDEX "Case_open_escalation_idx" ON "Case" ("escalation") INCLUDE ("townshipCode", "stage") WHERE "stage" <> 'closed';
