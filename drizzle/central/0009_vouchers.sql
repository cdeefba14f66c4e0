CREATE TABLE "voucher_museums" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vouchers" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"office_id" uuid NOT NULL,
	"order_id" text collate "C" NOT NULL,
	"museum_id" text collate "C" NOT NULL,
	"tariff_id" text NOT NULL,
	"label" jsonb NOT NULL,
	"price_cents" integer NOT NULL,
	"code" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"used_at" timestamp with time zone,
	"used_museum_id" text collate "C",
	"used_till" text,
	"revoked_at" timestamp with time zone,
	"version" bigint NOT NULL,
	CONSTRAINT "vouchers_code_unique" UNIQUE("code"),
	CONSTRAINT "vouchers_used" CHECK (("vouchers"."state" = 'used') = ("vouchers"."used_at" IS NOT NULL AND "vouchers"."used_museum_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "voucher_lines" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_museum_id_voucher_museums_id_fk" FOREIGN KEY ("museum_id") REFERENCES "public"."voucher_museums"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "voucher_museums_version" ON "voucher_museums" USING btree ("version","id");--> statement-breakpoint
CREATE INDEX "vouchers_office_version" ON "vouchers" USING btree ("office_id","version","id");--> statement-breakpoint
CREATE INDEX "vouchers_order" ON "vouchers" USING btree ("order_id");--> statement-breakpoint
-- A till's redemption in one call, committed as soon as it returns: the voucher's row, then the
-- server version (taken last, as every writer does), held only inside the server, never across a
-- round trip to the API process. The WHERE is the exactly-once guard: of concurrent callers, one
-- changes the row and the others, re-reading it once it commits, find it used.
CREATE FUNCTION redeem_voucher(p_code text, p_museum text, p_till text, p_now timestamptz)
RETURNS TABLE (voucher_id text, voucher_label jsonb) LANGUAGE plpgsql AS $$
DECLARE
  used_id text;
  used_label jsonb;
  taken bigint;
BEGIN
  UPDATE vouchers SET state = 'used', used_at = p_now, used_museum_id = p_museum, used_till = p_till
    WHERE code = p_code AND state = 'valid' AND museum_id = p_museum AND valid_until > p_now
    RETURNING id, label INTO used_id, used_label;
  IF used_id IS NULL THEN
    RETURN;
  END IF;
  UPDATE server_version SET v = v + 1 WHERE id = 1 RETURNING v INTO taken;
  UPDATE vouchers SET version = taken WHERE id = used_id;
  voucher_id := used_id;
  voucher_label := used_label;
  RETURN NEXT;
END
$$;
