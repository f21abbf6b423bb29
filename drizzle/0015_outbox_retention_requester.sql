ALTER TABLE "outbox" ADD COLUMN "dispute_id" integer;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "requested_by" integer;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "requested_in" text;--> statement-breakpoint
CREATE INDEX "outbox_dispute" ON "outbox" USING btree ("dispute_id") WHERE dispute_id is not null;--> statement-breakpoint
CREATE INDEX "processed_commands_created" ON "processed_commands" USING btree ("created_at");