CREATE TABLE "commission_claims" (
	"request_id" integer PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"requester_id" text NOT NULL,
	"deal" text NOT NULL,
	"customer" text NOT NULL,
	"deal_amount_minor" bigint NOT NULL,
	"commission_minor" bigint NOT NULL,
	"rate_basis_points" integer,
	"currency" text NOT NULL,
	"closed_on" date NOT NULL,
	"checkin_id" bigint,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "commission_claims_deal_amount_check" CHECK ("commission_claims"."deal_amount_minor" > 0),
	CONSTRAINT "commission_claims_commission_check" CHECK ("commission_claims"."commission_minor" > 0 and "commission_claims"."commission_minor" <= "commission_claims"."deal_amount_minor"),
	CONSTRAINT "commission_claims_rate_check" CHECK ("commission_claims"."rate_basis_points" is null or "commission_claims"."rate_basis_points" between 1 and 10000)
);
--> statement-breakpoint
ALTER TABLE "commission_claims" ADD CONSTRAINT "commission_claims_request_id_approval_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."approval_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commission_claims_requester_idx" ON "commission_claims" USING btree ("workspace_id","requester_id","closed_on");--> statement-breakpoint
CREATE INDEX "commission_claims_closed_idx" ON "commission_claims" USING btree ("workspace_id","closed_on");