CREATE TABLE "home_views" (
	"workspace_id" text NOT NULL,
	"user_id" text NOT NULL,
	"view_id" text NOT NULL,
	"hash" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "home_views_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "seen_events" (
	"workspace_id" text NOT NULL,
	"event_id" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "seen_events_workspace_id_event_id_pk" PRIMARY KEY("workspace_id","event_id")
);
