CREATE TABLE "approval_messages" (
	"request_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"ts" text NOT NULL,
	CONSTRAINT "approval_messages_request_id_user_id_pk" PRIMARY KEY("request_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "approval_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "approval_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"team_id" integer NOT NULL,
	"kind" text NOT NULL,
	"requester_id" text NOT NULL,
	"route" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"reason" text,
	"cancelled_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"request_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "approval_requests_kind_check" CHECK ("approval_requests"."kind" in ('leave', 'commission')),
	CONSTRAINT "approval_requests_status_check" CHECK ("approval_requests"."status" in ('pending', 'approved', 'denied', 'cancelled')),
	CONSTRAINT "approval_requests_route_check" CHECK ("approval_requests"."route" in ('supervisors', 'executives')),
	CONSTRAINT "approval_requests_decision_check" CHECK (("approval_requests"."status" in ('approved', 'denied')) = ("approval_requests"."decided_by" is not null) or "approval_requests"."status" = 'cancelled')
);
--> statement-breakpoint
CREATE TABLE "leave_allowances" (
	"workspace_id" text NOT NULL,
	"team_id" integer NOT NULL,
	"type" text NOT NULL,
	"days_per_year" integer NOT NULL,
	"start_month" integer DEFAULT 1 NOT NULL,
	"carry_over_cap" integer,
	"since" date NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "leave_allowances_team_id_type_pk" PRIMARY KEY("team_id","type"),
	CONSTRAINT "leave_allowances_days_check" CHECK ("leave_allowances"."days_per_year" between 0 and 366),
	CONSTRAINT "leave_allowances_month_check" CHECK ("leave_allowances"."start_month" between 1 and 12),
	CONSTRAINT "leave_allowances_carry_check" CHECK ("leave_allowances"."carry_over_cap" is null or "leave_allowances"."carry_over_cap" between 0 and 366)
);
--> statement-breakpoint
CREATE TABLE "leave_requests" (
	"request_id" integer PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"requester_id" text NOT NULL,
	"type" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"half_day_start" boolean DEFAULT false NOT NULL,
	"half_day_end" boolean DEFAULT false NOT NULL,
	"half_days" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	CONSTRAINT "leave_requests_dates_check" CHECK ("leave_requests"."end_on" >= "leave_requests"."start_on"),
	CONSTRAINT "leave_requests_half_days_check" CHECK ("leave_requests"."half_days" >= 0)
);
--> statement-breakpoint
ALTER TABLE "approval_messages" ADD CONSTRAINT "approval_messages_request_id_approval_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."approval_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_allowances" ADD CONSTRAINT "leave_allowances_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_requests" ADD CONSTRAINT "leave_requests_request_id_approval_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."approval_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_requests_requester_idx" ON "approval_requests" USING btree ("workspace_id","requester_id");--> statement-breakpoint
CREATE INDEX "approval_requests_team_status_idx" ON "approval_requests" USING btree ("team_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_requests_request_key" ON "approval_requests" USING btree ("workspace_id","request_id") WHERE request_id is not null;--> statement-breakpoint
CREATE INDEX "leave_requests_requester_idx" ON "leave_requests" USING btree ("workspace_id","requester_id","start_on");--> statement-breakpoint
-- The exclusion constraint below compares the requester's id with = in a GiST index, which needs btree_gist
-- (a trusted extension since Postgres 13: a database owner may create it; PGlite loads it as an extension).
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
-- Nobody has two pending or approved leaves on one day: the database refuses the second, whatever checked
-- before (two submissions at once, two instances).
ALTER TABLE "leave_requests" ADD CONSTRAINT "leave_requests_no_overlap" EXCLUDE USING gist (
  "workspace_id" WITH =, "requester_id" WITH =, daterange("start_on", "end_on", '[]') WITH &&
) WHERE ("status" in ('pending', 'approved'));--> statement-breakpoint
-- A leave request's status follows its approval request's, in the same statement that changes it.
CREATE FUNCTION "approval_requests_leave_status"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE leave_requests SET status = NEW.status WHERE request_id = NEW.id AND status <> NEW.status;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "approval_requests_leave_status" AFTER UPDATE OF "status" ON "approval_requests"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status AND NEW.kind = 'leave')
  EXECUTE FUNCTION "approval_requests_leave_status"();
