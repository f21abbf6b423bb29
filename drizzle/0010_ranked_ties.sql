ALTER TABLE "groups" ADD COLUMN "ranked_ties" text DEFAULT 'lot' NOT NULL;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "ties" text DEFAULT 'lot' NOT NULL;