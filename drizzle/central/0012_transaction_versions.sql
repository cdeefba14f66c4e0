CREATE TABLE "pull_epoch" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"epoch" uuid DEFAULT gen_random_uuid() NOT NULL,
	"seen_xid" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "pull_epoch_single_row" CHECK ("pull_epoch"."id" = 1)
);
--> statement-breakpoint
DROP TABLE "server_version" CASCADE;--> statement-breakpoint
-- Versions are now writers' transaction ids. Rows keep the counter's numbers, which are below
-- every id from now on, except where the counter had run ahead of this cluster's ids (a
-- database restored from a dump): those are stamped as old as can be. Every client starts over
-- (cookies from before have no epoch), so none misses them.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['venues', 'products', 'slots', 'closed_days', 'options', 'companions', 'contacts', 'orders', 'tickets',
      'group_codes', 'venue_requests', 'voucher_museums', 'vouchers'] LOOP
    EXECUTE format('UPDATE %I SET version = 0 WHERE version >= pg_current_xact_id()::text::bigint', t);
  END LOOP;
END
$$;--> statement-breakpoint
-- A redemption is one statement now: the guarded UPDATE stamps its own transaction's id, and no
-- redemption waits on another's commit.
CREATE OR REPLACE FUNCTION redeem_voucher(p_code text, p_museum text, p_till text, p_now timestamptz)
RETURNS TABLE (voucher_id text, voucher_label jsonb) LANGUAGE sql AS $$
  UPDATE vouchers SET state = 'used', used_at = p_now, used_museum_id = p_museum, used_till = p_till,
      version = pg_current_xact_id()::text::bigint
    WHERE code = p_code AND state = 'valid' AND museum_id = p_museum AND valid_until > p_now
    RETURNING id, label;
$$;
