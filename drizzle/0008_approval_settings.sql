CREATE TABLE "approval_settings" (
	"team_id" integer PRIMARY KEY NOT NULL,
	"remind_after_days" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "approval_settings_remind_check" CHECK ("approval_settings"."remind_after_days" between 1 and 30)
);
--> statement-breakpoint
ALTER TABLE "approval_settings" ADD CONSTRAINT "approval_settings_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;