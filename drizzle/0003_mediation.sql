CREATE TABLE "dispute_agreements" (
	"id" serial PRIMARY KEY NOT NULL,
	"dispute_id" integer NOT NULL,
	"terms" text NOT NULL,
	"proposed_by" integer NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"responses" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"dispute_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_parties" (
	"dispute_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	CONSTRAINT "dispute_parties_dispute_id_member_id_pk" PRIMARY KEY("dispute_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" serial PRIMARY KEY NOT NULL,
	"workspace_id" integer NOT NULL,
	"number" integer NOT NULL,
	"group_id" integer,
	"proposal_id" integer,
	"topic" text NOT NULL,
	"requested_by" integer NOT NULL,
	"mediator_id" integer,
	"status" text NOT NULL,
	"stage" text NOT NULL,
	"confidential" boolean DEFAULT false NOT NULL,
	"channel_id" text NOT NULL,
	"space_id" text,
	"outcome" text,
	"summary" text,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "last_mediator_id" integer;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "next_dispute_number" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "mediation_retention_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "dispute_agreements" ADD CONSTRAINT "dispute_agreements_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_notes" ADD CONSTRAINT "dispute_notes_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_parties" ADD CONSTRAINT "dispute_parties_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_parties" ADD CONSTRAINT "dispute_parties_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispute_parties_member" ON "dispute_parties" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_workspace_number" ON "disputes" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE INDEX "disputes_space" ON "disputes" USING btree ("space_id");