CREATE TABLE "motivation_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "motivation_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"team_id" integer NOT NULL,
	"text" text NOT NULL,
	"added_by" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"request_id" text NOT NULL,
	"removed_by" text,
	"removed_at" timestamp with time zone,
	CONSTRAINT "motivation_lines_text_check" CHECK (length(trim("motivation_lines"."text")) between 1 and 300)
);
--> statement-breakpoint
CREATE TABLE "motivation_posts" (
	"workspace_id" text NOT NULL,
	"team_id" integer NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"line_key" text,
	"facts_at" timestamp with time zone NOT NULL,
	"channel_id" text,
	"ts" text,
	CONSTRAINT "motivation_posts_team_id_slot_pk" PRIMARY KEY("team_id","slot"),
	CONSTRAINT "motivation_posts_state_check" CHECK ("motivation_posts"."state" in ('claimed', 'posted', 'nothing', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "motivation_used_lines" (
	"team_id" integer NOT NULL,
	"line_key" text NOT NULL,
	"used_at" timestamp with time zone NOT NULL,
	CONSTRAINT "motivation_used_lines_team_id_line_key_pk" PRIMARY KEY("team_id","line_key")
);
--> statement-breakpoint
ALTER TABLE "motivation_lines" ADD CONSTRAINT "motivation_lines_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motivation_posts" ADD CONSTRAINT "motivation_posts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motivation_used_lines" ADD CONSTRAINT "motivation_used_lines_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "motivation_lines_request_key" ON "motivation_lines" USING btree ("workspace_id","request_id");--> statement-breakpoint
CREATE INDEX "motivation_lines_team_idx" ON "motivation_lines" USING btree ("team_id") WHERE removed_at is null;