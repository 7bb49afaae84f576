CREATE TABLE "escalation_messages" (
	"escalation_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"ts" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "escalation_messages_escalation_id_user_id_pk" PRIMARY KEY("escalation_id","user_id"),
	CONSTRAINT "escalation_messages_role_check" CHECK ("escalation_messages"."role" in ('handler', 'raiser'))
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "escalations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"team_id" integer,
	"rep_id" text NOT NULL,
	"raised_by" text NOT NULL,
	"route" text NOT NULL,
	"category" text NOT NULL,
	"urgency" text NOT NULL,
	"details" text NOT NULL,
	"message_channel" text,
	"message_ts" text,
	"permalink" text,
	"excerpt" text,
	"status" text DEFAULT 'open' NOT NULL,
	"acknowledged_by" text,
	"acknowledged_at" timestamp with time zone,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	"request_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "escalations_category_check" CHECK ("escalations"."category" in ('missedTarget', 'policy', 'complaint', 'other')),
	CONSTRAINT "escalations_urgency_check" CHECK ("escalations"."urgency" in ('normal', 'urgent')),
	CONSTRAINT "escalations_status_check" CHECK ("escalations"."status" in ('open', 'acknowledged', 'resolved')),
	CONSTRAINT "escalations_route_check" CHECK ("escalations"."route" in ('supervisors', 'admins')),
	CONSTRAINT "escalations_resolved_check" CHECK (("escalations"."status" = 'resolved') = ("escalations"."resolved_by" is not null and "escalations"."resolution" is not null))
);
--> statement-breakpoint
ALTER TABLE "escalation_messages" ADD CONSTRAINT "escalation_messages_escalation_id_escalations_id_fk" FOREIGN KEY ("escalation_id") REFERENCES "public"."escalations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "escalations_team_status_idx" ON "escalations" USING btree ("team_id","status");--> statement-breakpoint
CREATE INDEX "escalations_rep_idx" ON "escalations" USING btree ("workspace_id","rep_id");--> statement-breakpoint
CREATE UNIQUE INDEX "escalations_request_key" ON "escalations" USING btree ("workspace_id","request_id") WHERE request_id is not null;