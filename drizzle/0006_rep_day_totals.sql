CREATE TABLE "rep_day_totals" (
	"team_id" integer NOT NULL,
	"rep_id" text NOT NULL,
	"currency" text NOT NULL,
	"sold_on" date NOT NULL,
	"total_minor" bigint NOT NULL,
	"sales" integer NOT NULL,
	"last_at" timestamp with time zone,
	CONSTRAINT "rep_day_totals_team_id_rep_id_currency_sold_on_pk" PRIMARY KEY("team_id","rep_id","currency","sold_on")
);
--> statement-breakpoint
ALTER TABLE "rep_day_totals" ADD CONSTRAINT "rep_day_totals_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Keeps rep_day_totals true to checkins: a sale counts on its day while it is active. Each change adds or
-- takes out its own amount (never a recount), so concurrent check-ins of one rep add up correctly: the
-- second waits for the first's row and adds to what the first left.
CREATE FUNCTION "checkins_day_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'active' THEN
    -- Only ever a row that exists (the sale was added to it); a team being removed takes both away.
    UPDATE rep_day_totals SET total_minor = total_minor - OLD.amount_minor, sales = sales - 1
      WHERE team_id = OLD.team_id AND rep_id = OLD.rep_id AND currency = OLD.currency AND sold_on = OLD.sold_on;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'active' THEN
    INSERT INTO rep_day_totals AS d (team_id, rep_id, currency, sold_on, total_minor, sales, last_at)
      VALUES (NEW.team_id, NEW.rep_id, NEW.currency, NEW.sold_on, NEW.amount_minor, 1, NEW.recorded_at)
      ON CONFLICT (team_id, rep_id, currency, sold_on) DO UPDATE SET
        total_minor = d.total_minor + excluded.total_minor,
        sales = d.sales + 1,
        last_at = greatest(d.last_at, excluded.last_at);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "checkins_day_totals_insert_delete" AFTER INSERT OR DELETE ON "checkins"
  FOR EACH ROW EXECUTE FUNCTION "checkins_day_totals"();
--> statement-breakpoint
-- Posting a sale (post_ts) and other bookkeeping leave the totals alone.
CREATE TRIGGER "checkins_day_totals_update" AFTER UPDATE OF "status", "amount_minor", "currency", "sold_on", "team_id", "rep_id" ON "checkins"
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.amount_minor IS DISTINCT FROM NEW.amount_minor
    OR OLD.currency IS DISTINCT FROM NEW.currency OR OLD.sold_on IS DISTINCT FROM NEW.sold_on
    OR OLD.team_id IS DISTINCT FROM NEW.team_id OR OLD.rep_id IS DISTINCT FROM NEW.rep_id)
  EXECUTE FUNCTION "checkins_day_totals"();
--> statement-breakpoint
-- What was recorded before this migration.
INSERT INTO "rep_day_totals" ("team_id", "rep_id", "currency", "sold_on", "total_minor", "sales", "last_at")
  SELECT "team_id", "rep_id", "currency", "sold_on", sum("amount_minor"), count(*), max("recorded_at")
  FROM "checkins" WHERE "status" = 'active'
  GROUP BY "team_id", "rep_id", "currency", "sold_on";
