CREATE TABLE "meeting_posts" (
	"meeting_id" integer NOT NULL,
	"occurrence" timestamp with time zone NOT NULL,
	"offset_minutes" integer NOT NULL,
	"recipient" text NOT NULL,
	"channel_id" text NOT NULL,
	"ts" text NOT NULL,
	CONSTRAINT "meeting_posts_meeting_id_occurrence_offset_minutes_recipient_pk" PRIMARY KEY("meeting_id","occurrence","offset_minutes","recipient")
);
--> statement-breakpoint
CREATE TABLE "meeting_reminders" (
	"meeting_id" integer NOT NULL,
	"occurrence" timestamp with time zone NOT NULL,
	"offset_minutes" integer NOT NULL,
	"posted" boolean NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_reminders_meeting_id_occurrence_offset_minutes_pk" PRIMARY KEY("meeting_id","occurrence","offset_minutes")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"team_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"rep_id" text,
	"days" integer[],
	"time" text,
	"cron" text,
	"time_zone" text NOT NULL,
	"channel_id" text,
	"agenda" text DEFAULT '' NOT NULL,
	"offsets" integer[] NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"request_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meetings_kind_check" CHECK ("meetings"."kind" in ('sales', 'executive', 'oneOnOne')),
	CONSTRAINT "meetings_status_check" CHECK ("meetings"."status" in ('active', 'paused')),
	CONSTRAINT "meetings_title_check" CHECK (length(trim("meetings"."title")) > 0),
	CONSTRAINT "meetings_schedule_check" CHECK (("meetings"."cron" is null) = ("meetings"."days" is not null and "meetings"."time" is not null)),
	CONSTRAINT "meetings_rep_check" CHECK (("meetings"."kind" = 'oneOnOne') = ("meetings"."rep_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "meeting_posts" ADD CONSTRAINT "meeting_posts_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_reminders" ADD CONSTRAINT "meeting_reminders_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_request_key" ON "meetings" USING btree ("workspace_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "meetings_team_idx" ON "meetings" USING btree ("workspace_id","team_id");--> statement-breakpoint
CREATE INDEX "meetings_active_idx" ON "meetings" USING btree ("status");