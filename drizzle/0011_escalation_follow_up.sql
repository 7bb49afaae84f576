ALTER TABLE "escalations" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "raiser_told_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "escalation_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
CREATE INDEX "escalations_waiting_idx" ON "escalations" USING btree ("created_at") WHERE status = 'open';--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_escalation_hours_check" CHECK ("teams"."escalation_hours" between 1 and 400);