ALTER TABLE "outbox" ADD COLUMN "requested_by" integer;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "requested_in" text;