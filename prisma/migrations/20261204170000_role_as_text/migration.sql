-- Roles live in the application's role table (domain/roles.ts), which the API enforces: adding one
-- needs no change of the database type.
ALTER TABLE "User" ALTER COLUMN "role" TYPE TEXT USING "role"::text;
DROP TYPE "Role";
