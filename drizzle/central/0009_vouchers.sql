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
CREATE INDEX "vouchers_order" ON "vouchers" USING btree ("order_id");