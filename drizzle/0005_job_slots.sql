CREATE TABLE "job_slots" (
	"job" text NOT NULL,
	"key" text NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_slots_job_key_slot_pk" PRIMARY KEY("job","key","slot")
);
--> statement-breakpoint
CREATE INDEX "job_slots_queued_idx" ON "job_slots" USING btree ("queued_at");