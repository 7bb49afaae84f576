CREATE TABLE "spotlight_posts" (
	"workspace_id" text NOT NULL,
	"team_id" integer NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	"product_id" integer,
	"chosen_at" timestamp with time zone NOT NULL,
	"channel_id" text,
	"ts" text,
	CONSTRAINT "spotlight_posts_team_id_slot_pk" PRIMARY KEY("team_id","slot")
);
--> statement-breakpoint
ALTER TABLE "spotlight_posts" ADD CONSTRAINT "spotlight_posts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spotlight_posts" ADD CONSTRAINT "spotlight_posts_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "spotlight_posts_product_idx" ON "spotlight_posts" USING btree ("team_id","product_id","slot");