CREATE TABLE "handled_requests" (
	"workspace_id" text NOT NULL,
	"request_id" text NOT NULL,
	"action" text NOT NULL,
	"handled_at" timestamp with time zone NOT NULL,
	CONSTRAINT "handled_requests_workspace_id_request_id_pk" PRIMARY KEY("workspace_id","request_id")
);
--> statement-breakpoint
ALTER TABLE "checkins" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "quota_settings" ADD COLUMN "confirm_above_minor" bigint;