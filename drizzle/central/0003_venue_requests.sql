CREATE TABLE "venue_requests" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"office_id" uuid NOT NULL,
	"venue_id" text collate "C" NOT NULL,
	"visit_date" text NOT NULL,
	"head_count" integer NOT NULL,
	"state" text NOT NULL,
	"notes" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "venue_requests" ADD CONSTRAINT "venue_requests_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_requests" ADD CONSTRAINT "venue_requests_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "venue_requests_office_version" ON "venue_requests" USING btree ("office_id","version","id");