CREATE TABLE "warning_messages" (
	"warning_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"ts" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "warning_messages_warning_id_user_id_pk" PRIMARY KEY("warning_id","user_id"),
	CONSTRAINT "warning_messages_role_check" CHECK ("warning_messages"."role" in ('rep', 'issuer'))
);
--> statement-breakpoint
CREATE TABLE "warnings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warnings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"rep_id" text NOT NULL,
	"team_id" integer,
	"level" text NOT NULL,
	"reason" text NOT NULL,
	"details" text NOT NULL,
	"escalation_id" integer,
	"issued_by" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_on" date NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"request_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "warnings_level_check" CHECK ("warnings"."level" in ('verbal', 'written', 'final')),
	CONSTRAINT "warnings_reason_check" CHECK ("warnings"."reason" in ('performance', 'conduct', 'policy', 'attendance', 'other')),
	CONSTRAINT "warnings_details_check" CHECK (char_length("warnings"."details") between 1 and 2000),
	CONSTRAINT "warnings_not_self_check" CHECK ("warnings"."rep_id" <> "warnings"."issued_by"),
	CONSTRAINT "warnings_acknowledged_check" CHECK ("warnings"."acknowledged_at" is null or "warnings"."acknowledged_at" >= "warnings"."issued_at")
);
--> statement-breakpoint
ALTER TABLE "warning_messages" ADD CONSTRAINT "warning_messages_warning_id_warnings_id_fk" FOREIGN KEY ("warning_id") REFERENCES "public"."warnings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_escalation_id_escalations_id_fk" FOREIGN KEY ("escalation_id") REFERENCES "public"."escalations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "warnings_rep_idx" ON "warnings" USING btree ("workspace_id","rep_id");--> statement-breakpoint
CREATE INDEX "warnings_escalation_idx" ON "warnings" USING btree ("escalation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "warnings_request_key" ON "warnings" USING btree ("workspace_id","request_id") WHERE request_id is not null;