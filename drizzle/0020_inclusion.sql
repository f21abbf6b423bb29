CREATE TABLE "proposal_advice" (
	"proposal_id" integer NOT NULL,
	"stakeholder_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"advice" text NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	CONSTRAINT "proposal_advice_proposal_id_stakeholder_id_member_id_pk" PRIMARY KEY("proposal_id","stakeholder_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "proposal_consultations" (
	"proposal_id" integer NOT NULL,
	"stakeholder_id" integer NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "proposal_consultations_proposal_id_stakeholder_id_pk" PRIMARY KEY("proposal_id","stakeholder_id")
);
--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "cross_sector" integer;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "participation" jsonb;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "inclusion_nudged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "inclusion_threshold" double precision DEFAULT 0.6 NOT NULL;--> statement-breakpoint
ALTER TABLE "proposal_advice" ADD CONSTRAINT "proposal_advice_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_advice" ADD CONSTRAINT "proposal_advice_stakeholder_id_stakeholders_id_fk" FOREIGN KEY ("stakeholder_id") REFERENCES "public"."stakeholders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_advice" ADD CONSTRAINT "proposal_advice_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_consultations" ADD CONSTRAINT "proposal_consultations_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_consultations" ADD CONSTRAINT "proposal_consultations_stakeholder_id_stakeholders_id_fk" FOREIGN KEY ("stakeholder_id") REFERENCES "public"."stakeholders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposal_consultations_stakeholder" ON "proposal_consultations" USING btree ("stakeholder_id");