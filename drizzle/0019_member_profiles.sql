CREATE TABLE "member_profiles" (
	"member_id" integer PRIMARY KEY NOT NULL,
	"workspace_id" integer NOT NULL,
	"sector" text,
	"represents_id" integer,
	"identities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "inclusion_min_cell" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "member_profiles" ADD CONSTRAINT "member_profiles_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_profiles" ADD CONSTRAINT "member_profiles_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_profiles" ADD CONSTRAINT "member_profiles_represents_id_stakeholders_id_fk" FOREIGN KEY ("represents_id") REFERENCES "public"."stakeholders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_profiles_workspace" ON "member_profiles" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "member_profiles_represents" ON "member_profiles" USING btree ("represents_id");