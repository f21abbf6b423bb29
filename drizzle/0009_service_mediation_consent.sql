ALTER TABLE "dispute_parties" ADD COLUMN "consent" text DEFAULT 'accepted' NOT NULL;--> statement-breakpoint
ALTER TABLE "dispute_parties" ADD COLUMN "consent_at" timestamp with time zone;