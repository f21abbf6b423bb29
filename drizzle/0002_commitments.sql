CREATE TABLE "commitment_owners" (
	"commitment_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	CONSTRAINT "commitment_owners_commitment_id_member_id_pk" PRIMARY KEY("commitment_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" serial PRIMARY KEY NOT NULL,
	"workspace_id" integer NOT NULL,
	"number" integer NOT NULL,
	"group_id" integer,
	"proposal_id" integer,
	"what" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"reminders" jsonb,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"note" text,
	"blocked_reason" text,
	"channel_id" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "commitment_reminders" jsonb;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "digest_day" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "digest_hour" integer DEFAULT 9 NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "next_commitment_number" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "commitment_reminders" jsonb DEFAULT '["3d","1d","2h"]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "quiet_from" integer DEFAULT 21 NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "quiet_to" integer DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "escalation_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "commitment_owners" ADD CONSTRAINT "commitment_owners_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_owners" ADD CONSTRAINT "commitment_owners_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_owners_member" ON "commitment_owners" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commitments_workspace_number" ON "commitments" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE INDEX "commitments_open_due" ON "commitments" USING btree ("workspace_id","due_at") WHERE status in ('open', 'blocked');