CREATE TABLE "clients" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"office_id" uuid NOT NULL,
	"last_mutation_id" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "closed_days" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"venue_id" text collate "C" NOT NULL,
	"local_date" text NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutation_results" (
	"client_id" uuid NOT NULL,
	"mutation_id" integer NOT NULL,
	"args_hash" text NOT NULL,
	"result" jsonb NOT NULL,
	CONSTRAINT "mutation_results_client_id_mutation_id_pk" PRIMARY KEY("client_id","mutation_id")
);
--> statement-breakpoint
CREATE TABLE "offices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company" text NOT NULL,
	"contact_name" text NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "offices_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "options" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"office_id" uuid NOT NULL,
	"venue_id" text collate "C" NOT NULL,
	"slot_id" text collate "C" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"composition" jsonb NOT NULL,
	"head_count" integer NOT NULL,
	"total_cents" integer NOT NULL,
	"state" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"group_booking_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"venue_id" text collate "C" NOT NULL,
	"data" jsonb NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "server_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"v" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "server_version_single_row" CHECK ("server_version"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"refresh_token_hash" text PRIMARY KEY NOT NULL,
	"office_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slots" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"venue_id" text collate "C" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"local_date" text NOT NULL,
	"local_time" text NOT NULL,
	"capacity" integer NOT NULL,
	"held" integer DEFAULT 0 NOT NULL,
	"sold" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "slots_capacity" CHECK ("slots"."held" + "slots"."sold" <= "slots"."capacity" AND "slots"."held" >= 0 AND "slots"."sold" >= 0)
);
--> statement-breakpoint
CREATE TABLE "token_key" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"secret" text NOT NULL,
	CONSTRAINT "token_key_single_row" CHECK ("token_key"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "venues" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"sort_order" integer NOT NULL,
	"data" jsonb NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closed_days" ADD CONSTRAINT "closed_days_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutation_results" ADD CONSTRAINT "mutation_results_client_id_clients_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("client_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "options" ADD CONSTRAINT "options_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "options" ADD CONSTRAINT "options_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "options" ADD CONSTRAINT "options_slot_id_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "closed_days_version" ON "closed_days" USING btree ("version","id");--> statement-breakpoint
CREATE INDEX "options_office_version" ON "options" USING btree ("office_id","version","id");--> statement-breakpoint
CREATE INDEX "options_slot" ON "options" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "options_active_expiry" ON "options" USING btree ("expires_at") WHERE "options"."state" = 'active';--> statement-breakpoint
CREATE INDEX "products_version" ON "products" USING btree ("version","id");--> statement-breakpoint
CREATE INDEX "sessions_office" ON "sessions" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "slots_version" ON "slots" USING btree ("version","id");--> statement-breakpoint
CREATE INDEX "slots_venue_day" ON "slots" USING btree ("venue_id","local_date","starts_at");--> statement-breakpoint
CREATE INDEX "venues_version" ON "venues" USING btree ("version","id");