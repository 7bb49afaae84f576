CREATE TABLE "coaching_actions" (
	"plan_id" integer NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "coaching_actions_plan_id_position_pk" PRIMARY KEY("plan_id","position"),
	CONSTRAINT "coaching_actions_text_check" CHECK (length(trim("coaching_actions"."text")) > 0)
);
--> statement-breakpoint
CREATE TABLE "coaching_messages" (
	"plan_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"key" text NOT NULL,
	"channel_id" text NOT NULL,
	"ts" text NOT NULL,
	CONSTRAINT "coaching_messages_plan_id_user_id_key_pk" PRIMARY KEY("plan_id","user_id","key"),
	CONSTRAINT "coaching_messages_key_check" CHECK ("coaching_messages"."key" ~ '^(plan|closed|due:[0-9]+|progress:[0-9]+)$')
);
--> statement-breakpoint
CREATE TABLE "coaching_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "coaching_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"rep_id" text NOT NULL,
	"team_id" integer,
	"goal" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"started_by" text NOT NULL,
	"escalation_id" integer,
	"warning_id" integer,
	"outcome" text,
	"closing_note" text,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	"request_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "coaching_plans_status_check" CHECK ("coaching_plans"."status" in ('active', 'closed')),
	CONSTRAINT "coaching_plans_outcome_check" CHECK ("coaching_plans"."outcome" is null or "coaching_plans"."outcome" in ('achieved', 'partly', 'notAchieved')),
	CONSTRAINT "coaching_plans_closed_check" CHECK (("coaching_plans"."status" = 'closed') = ("coaching_plans"."outcome" is not null and "coaching_plans"."closed_by" is not null and "coaching_plans"."closed_at" is not null and "coaching_plans"."closing_note" is not null)),
	CONSTRAINT "coaching_plans_goal_check" CHECK (length(trim("coaching_plans"."goal")) > 0)
);
--> statement-breakpoint
CREATE TABLE "coaching_reviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "coaching_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"date" date NOT NULL,
	"notified_at" timestamp with time zone,
	"progress" text,
	"note" text,
	"recorded_by" text,
	"recorded_at" timestamp with time zone,
	CONSTRAINT "coaching_reviews_progress_check" CHECK ("coaching_reviews"."progress" is null or "coaching_reviews"."progress" in ('onTrack', 'atRisk', 'done')),
	CONSTRAINT "coaching_reviews_recorded_check" CHECK (("coaching_reviews"."progress" is null) = ("coaching_reviews"."recorded_by" is null) and ("coaching_reviews"."progress" is null) = ("coaching_reviews"."recorded_at" is null) and ("coaching_reviews"."progress" is null) = ("coaching_reviews"."note" is null))
);
--> statement-breakpoint
ALTER TABLE "coaching_actions" ADD CONSTRAINT "coaching_actions_plan_id_coaching_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."coaching_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_messages" ADD CONSTRAINT "coaching_messages_plan_id_coaching_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."coaching_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plans" ADD CONSTRAINT "coaching_plans_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plans" ADD CONSTRAINT "coaching_plans_escalation_id_escalations_id_fk" FOREIGN KEY ("escalation_id") REFERENCES "public"."escalations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_reviews" ADD CONSTRAINT "coaching_reviews_plan_id_coaching_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."coaching_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_plans_active_rep_key" ON "coaching_plans" USING btree ("workspace_id","rep_id") WHERE status = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_plans_request_key" ON "coaching_plans" USING btree ("workspace_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "coaching_plans_rep_idx" ON "coaching_plans" USING btree ("workspace_id","rep_id");--> statement-breakpoint
CREATE INDEX "coaching_plans_escalation_idx" ON "coaching_plans" USING btree ("escalation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_reviews_plan_date_key" ON "coaching_reviews" USING btree ("plan_id","date");--> statement-breakpoint
CREATE INDEX "coaching_reviews_waiting_idx" ON "coaching_reviews" USING btree ("date") WHERE notified_at is null and progress is null;