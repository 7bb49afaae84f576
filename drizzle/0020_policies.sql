CREATE TABLE "policies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "policies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"effective_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"revised_by" text,
	"revised_at" timestamp with time zone,
	"retired_by" text,
	"retired_at" timestamp with time zone,
	"request_id" text,
	CONSTRAINT "policies_status_check" CHECK ("policies"."status" in ('active', 'retired')),
	CONSTRAINT "policies_title_check" CHECK (char_length("policies"."title") between 1 and 150),
	CONSTRAINT "policies_body_check" CHECK (char_length("policies"."body") between 1 and 2800),
	CONSTRAINT "policies_version_check" CHECK ("policies"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "policy_notices" (
	"policy_id" integer NOT NULL,
	"version" integer NOT NULL,
	"team_id" integer NOT NULL,
	"channel_id" text NOT NULL,
	"ts" text NOT NULL,
	CONSTRAINT "policy_notices_policy_id_version_team_id_pk" PRIMARY KEY("policy_id","version","team_id")
);
--> statement-breakpoint
CREATE TABLE "policy_recipients" (
	"workspace_id" text NOT NULL,
	"policy_id" integer NOT NULL,
	"version" integer NOT NULL,
	"rep_id" text NOT NULL,
	"team_id" integer,
	"owed_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"last_reminded_on" date,
	"supervisor_told_at" timestamp with time zone,
	"channel_id" text,
	"ts" text,
	CONSTRAINT "policy_recipients_policy_id_version_rep_id_pk" PRIMARY KEY("policy_id","version","rep_id"),
	CONSTRAINT "policy_recipients_reminders_check" CHECK ("policy_recipients"."reminders_sent" between 0 and 2)
);
--> statement-breakpoint
CREATE TABLE "policy_teams" (
	"policy_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	CONSTRAINT "policy_teams_policy_id_team_id_pk" PRIMARY KEY("policy_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"policy_id" integer NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"effective_on" date NOT NULL,
	"by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"request_id" text,
	CONSTRAINT "policy_versions_policy_id_version_pk" PRIMARY KEY("policy_id","version")
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "policy_reminder_days" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "policy_notices" ADD CONSTRAINT "policy_notices_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_recipients" ADD CONSTRAINT "policy_recipients_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_recipients" ADD CONSTRAINT "policy_recipients_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_teams" ADD CONSTRAINT "policy_teams_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_teams" ADD CONSTRAINT "policy_teams_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policies_request_key" ON "policies" USING btree ("workspace_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "policies_workspace_idx" ON "policies" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE INDEX "policy_recipients_rep_idx" ON "policy_recipients" USING btree ("workspace_id","rep_id");--> statement-breakpoint
CREATE INDEX "policy_teams_team_idx" ON "policy_teams" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_versions_request_key" ON "policy_versions" USING btree ("policy_id","request_id") WHERE request_id is not null;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_policy_reminder_days_check" CHECK ("teams"."policy_reminder_days" between 1 and 30);