ALTER TABLE "proposals" ADD COLUMN "ballots_cast" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Proposals open before this migration start from their ballots so far.
UPDATE "proposals" p SET "ballots_cast" = (SELECT count(*) FROM "ballots" b WHERE b."proposal_id" = p."id");
--> statement-breakpoint
-- Every inserted ballot counts once, whichever statement inserts it; a changed ballot (ON CONFLICT DO
-- UPDATE) is not an insert and does not count again. Ballots are never deleted.
CREATE OR REPLACE FUNCTION concord_count_ballots() RETURNS trigger AS $$
BEGIN
  UPDATE proposals p SET ballots_cast = p.ballots_cast + c.n
  FROM (SELECT proposal_id, count(*)::int AS n FROM inserted GROUP BY proposal_id) c
  WHERE p.id = c.proposal_id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ballots_counted
  AFTER INSERT ON ballots
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION concord_count_ballots();
