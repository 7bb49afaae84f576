CREATE TABLE "products" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "products_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"team_id" integer NOT NULL,
	"name" text NOT NULL,
	"tag" text NOT NULL,
	"key_points" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "products_tag_check" CHECK ("products"."tag" ~ '^[a-z0-9åäöæøü][a-z0-9åäöæøü_-]*$')
);
--> statement-breakpoint
CREATE TABLE "checkins" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "checkins_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"team_id" integer NOT NULL,
	"rep_id" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"product_id" integer,
	"sold_on" date NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"request_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"post_channel_id" text,
	"post_ts" text,
	"changed_by" text,
	"changed_at" timestamp with time zone,
	CONSTRAINT "checkins_amount_check" CHECK ("checkins"."amount_minor" > 0),
	CONSTRAINT "checkins_status_check" CHECK ("checkins"."status" in ('active', 'undone', 'removed'))
);
--> statement-breakpoint
CREATE TABLE "quota_settings" (
	"team_id" integer PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"checkins_private" boolean DEFAULT false NOT NULL,
	"leaderboard_in_channel" boolean DEFAULT true NOT NULL,
	"max_checkin_minor" bigint,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quota_targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quota_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"team_id" integer NOT NULL,
	"rep_id" text,
	"period_key" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "quota_targets_amount_check" CHECK ("quota_targets"."amount_minor" >= 0)
);
--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_settings" ADD CONSTRAINT "quota_settings_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_targets" ADD CONSTRAINT "quota_targets_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "products_team_tag_key" ON "products" USING btree ("team_id","tag") WHERE archived_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "checkins_request_key" ON "checkins" USING btree ("workspace_id","request_id");--> statement-breakpoint
CREATE INDEX "checkins_team_day_idx" ON "checkins" USING btree ("team_id","sold_on") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "checkins_rep_day_idx" ON "checkins" USING btree ("team_id","rep_id","sold_on") WHERE status = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "quota_targets_rep_key" ON "quota_targets" USING btree ("team_id","rep_id","period_key") WHERE rep_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "quota_targets_team_key" ON "quota_targets" USING btree ("team_id","period_key") WHERE rep_id is null;