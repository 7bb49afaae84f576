CREATE TABLE "slack_channel_pace" (
	"workspace_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"next_at" timestamp with time zone NOT NULL,
	CONSTRAINT "slack_channel_pace_workspace_id_channel_id_pk" PRIMARY KEY("workspace_id","channel_id")
);
--> statement-breakpoint
CREATE INDEX "checkins_unposted_idx" ON "checkins" USING btree ("team_id","id") WHERE post_channel_id is not null and (post_ts is null or post_ts = '');--> statement-breakpoint
CREATE INDEX "checkins_post_idx" ON "checkins" USING btree ("post_channel_id","post_ts") WHERE post_ts <> '';