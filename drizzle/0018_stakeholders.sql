CREATE TABLE "stakeholder_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_id" integer NOT NULL,
	"to_id" integer NOT NULL,
	"type" text NOT NULL,
	"source" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stakeholder_ratings" (
	"stakeholder_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"power" integer NOT NULL,
	"interest" integer NOT NULL,
	"legitimacy" integer,
	"urgency" integer,
	"rated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stakeholder_ratings_stakeholder_id_member_id_pk" PRIMARY KEY("stakeholder_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "stakeholders" (
	"id" serial PRIMARY KEY NOT NULL,
	"workspace_id" integer NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"sector" text NOT NULL,
	"group_id" integer,
	"contact_id" integer,
	"note" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "next_stakeholder_number" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "stakeholder_links" ADD CONSTRAINT "stakeholder_links_from_id_stakeholders_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."stakeholders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_links" ADD CONSTRAINT "stakeholder_links_to_id_stakeholders_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."stakeholders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_links" ADD CONSTRAINT "stakeholder_links_created_by_members_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_ratings" ADD CONSTRAINT "stakeholder_ratings_stakeholder_id_stakeholders_id_fk" FOREIGN KEY ("stakeholder_id") REFERENCES "public"."stakeholders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_ratings" ADD CONSTRAINT "stakeholder_ratings_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholders" ADD CONSTRAINT "stakeholders_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholders" ADD CONSTRAINT "stakeholders_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholders" ADD CONSTRAINT "stakeholders_contact_id_members_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholders" ADD CONSTRAINT "stakeholders_created_by_members_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stakeholder_links_pair" ON "stakeholder_links" USING btree ("from_id","to_id","type");--> statement-breakpoint
CREATE INDEX "stakeholder_links_to" ON "stakeholder_links" USING btree ("to_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stakeholders_workspace_number" ON "stakeholders" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "stakeholders_workspace_name" ON "stakeholders" USING btree ("workspace_id",lower("name")) WHERE removed_at is null;