DROP INDEX "outbox_due";--> statement-breakpoint
CREATE INDEX "outbox_lease" ON "outbox" USING btree ("locked_until") WHERE status = 'sending';--> statement-breakpoint
CREATE INDEX "outbox_due" ON "outbox" USING btree ("next_attempt_at","id") WHERE status = 'pending';