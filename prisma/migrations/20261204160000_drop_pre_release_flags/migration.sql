-- Every case runs clocks and the review chain: the flags that told pre-release cases apart go.
ALTER TABLE "Case" DROP COLUMN "clocked",
DROP COLUMN "reviewed";
