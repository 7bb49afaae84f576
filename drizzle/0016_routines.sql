CREATE TABLE "team_routines" (
	"workspace_id" text NOT NULL,
	"team_id" integer NOT NULL,
	"routine" text NOT NULL,
	"enabled" boolean NOT NULL,
	"days" integer[] NOT NULL,
	"time" text NOT NULL,
	"cutoff" text,
	"ask_in" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "team_routines_team_id_routine_pk" PRIMARY KEY("team_id","routine"),
	CONSTRAINT "team_routines_routine_check" CHECK ("team_routines"."routine" in ('motivation', 'spotlight', 'standup')),
	CONSTRAINT "team_routines_days_check" CHECK ("team_routines"."days" <@ array[1,2,3,4,5,6,7] and cardinality("team_routines"."days") > 0),
	CONSTRAINT "team_routines_ask_in_check" CHECK ("team_routines"."ask_in" is null or "team_routines"."ask_in" in ('thread', 'dm'))
);
--> statement-breakpoint
ALTER TABLE "team_routines" ADD CONSTRAINT "team_routines_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;