ALTER TABLE "dispute_parties" ADD COLUMN "consent" text DEFAULT 'accepted' NOT NULL;--> statement-breakpoint
ALTER TABLE "dispute_parties" ADD COLUMN "consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "digest_empty" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "withdrawn_by" integer;