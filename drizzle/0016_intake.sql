CREATE TABLE "intake" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"request_key" text NOT NULL,
	"member_key" text NOT NULL,
	"signature" text,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "intake_holders" (
	"worker_id" text PRIMARY KEY NOT NULL,
	"alive_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "intake_request" ON "intake" USING btree ("source","request_key");--> statement-breakpoint
CREATE INDEX "intake_lease" ON "intake" USING btree ("locked_until","id") WHERE status = 'running';--> statement-breakpoint
CREATE INDEX "intake_finished" ON "intake" USING btree ("received_at") WHERE status <> 'running';