CREATE SEQUENCE "public"."order_numbers" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."ticket_numbers" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000000000 CACHE 1;--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"office_id" uuid NOT NULL,
	"surname" text NOT NULL,
	"first_name" text NOT NULL,
	"email" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"office_id" uuid NOT NULL,
	"number" text NOT NULL,
	"state" text NOT NULL,
	"payment_method" text NOT NULL,
	"card_last4" text,
	"payment_reference" text NOT NULL,
	"total_cents" integer NOT NULL,
	"discount_cents" integer NOT NULL,
	"refund_cents" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"bookings" jsonb NOT NULL,
	"vat" jsonb NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "orders_number_unique" UNIQUE("number"),
	CONSTRAINT "orders_amounts" CHECK ("orders"."total_cents" >= 0 AND "orders"."discount_cents" >= 0 AND "orders"."refund_cents" >= 0 AND "orders"."refund_cents" <= "orders"."total_cents")
);
--> statement-breakpoint
CREATE TABLE "signing_key" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"key_id" text NOT NULL,
	"private_key_pem" text NOT NULL,
	"public_key_pem" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "signing_key_single_row" CHECK ("signing_key"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"order_id" text collate "C" NOT NULL,
	"office_id" uuid NOT NULL,
	"option_id" text collate "C" NOT NULL,
	"number" text NOT NULL,
	"venue_id" text collate "C" NOT NULL,
	"product_id" text collate "C" NOT NULL,
	"kind" text NOT NULL,
	"label" jsonb NOT NULL,
	"slot_id" text collate "C",
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"qr" text NOT NULL,
	"state" text NOT NULL,
	"assigned_contact_id" text collate "C",
	"assigned_name" text,
	"assigned_email" text,
	"assigned_at" timestamp with time zone,
	"version" bigint NOT NULL,
	CONSTRAINT "tickets_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "options" ADD COLUMN "order_id" text collate "C";--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_option_id_options_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."options"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_slot_id_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_office_version" ON "contacts" USING btree ("office_id","version","id");--> statement-breakpoint
CREATE INDEX "orders_office_version" ON "orders" USING btree ("office_id","version","id");--> statement-breakpoint
CREATE INDEX "orders_state" ON "orders" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "tickets_office_version" ON "tickets" USING btree ("office_id","version","id");--> statement-breakpoint
CREATE INDEX "tickets_order" ON "tickets" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "tickets_option" ON "tickets" USING btree ("option_id");--> statement-breakpoint
ALTER TABLE "options" ADD CONSTRAINT "options_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "options_order" ON "options" USING btree ("order_id");