CREATE TABLE "report_deliveries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"request_key" text NOT NULL,
	"recipient_kind" text NOT NULL,
	"recipient" text NOT NULL,
	"kind" text NOT NULL,
	"team_ids" integer[] NOT NULL,
	"period_key" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"requested_by" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"message_channel" text,
	"message_ts" text,
	"chart_file_id" text,
	"csv_file_id" text,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "report_deliveries_recipient_kind_check" CHECK ("report_deliveries"."recipient_kind" in ('dm', 'channel'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "report_deliveries_request_key" ON "report_deliveries" USING btree ("workspace_id","request_key","recipient","kind");