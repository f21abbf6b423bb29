ALTER TABLE "commitment_owners" ADD COLUMN "accepted" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "group_creation" text DEFAULT 'anyone' NOT NULL;