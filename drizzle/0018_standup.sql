CREATE TABLE "standup_answers" (
	"standup_id" integer NOT NULL,
	"rep_id" text NOT NULL,
	"wins" text NOT NULL,
	"plan" text NOT NULL,
	"blockers" text DEFAULT '' NOT NULL,
	"late" boolean NOT NULL,
	"after_summary" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "standup_answers_standup_id_rep_id_pk" PRIMARY KEY("standup_id","rep_id"),
	CONSTRAINT "standup_answers_text_check" CHECK (length(trim("standup_answers"."wins")) > 0 and length(trim("standup_answers"."plan")) > 0)
);
--> statement-breakpoint
CREATE TABLE "standup_posts" (
	"standup_id" integer NOT NULL,
	"key" text NOT NULL,
	"channel_id" text NOT NULL,
	"ts" text NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "standup_posts_standup_id_key_pk" PRIMARY KEY("standup_id","key")
);
--> statement-breakpoint
CREATE TABLE "standups" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "standups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"team_id" integer NOT NULL,
	"day" date NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	"cutoff_at" timestamp with time zone NOT NULL,
	"ask_in" text NOT NULL,
	"channel_id" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "standups_ask_in_check" CHECK ("standups"."ask_in" in ('thread', 'dm'))
);
--> statement-breakpoint
ALTER TABLE "standup_answers" ADD CONSTRAINT "standup_answers_standup_id_standups_id_fk" FOREIGN KEY ("standup_id") REFERENCES "public"."standups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standup_posts" ADD CONSTRAINT "standup_posts_standup_id_standups_id_fk" FOREIGN KEY ("standup_id") REFERENCES "public"."standups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standups" ADD CONSTRAINT "standups_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "standups_team_day_key" ON "standups" USING btree ("team_id","day");