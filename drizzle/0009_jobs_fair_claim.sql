ALTER TABLE "jobs" ADD COLUMN "workspace_id" integer;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_due_by_workspace" ON "jobs" USING btree ("workspace_id","run_at","id") WHERE status = 'pending';--> statement-breakpoint
UPDATE "jobs" SET "workspace_id" = coalesce(
  (SELECT "workspace_id" FROM "proposals" WHERE "id" = ("jobs"."payload"->>'proposalId')::int8),
  (SELECT "workspace_id" FROM "commitments" WHERE "id" = ("jobs"."payload"->>'commitmentId')::int8),
  (SELECT "workspace_id" FROM "disputes" WHERE "id" = ("jobs"."payload"->>'disputeId')::int8),
  (SELECT "workspace_id" FROM "groups" WHERE "id" = ("jobs"."payload"->>'groupId')::int8)
) WHERE "status" IN ('pending', 'running');
