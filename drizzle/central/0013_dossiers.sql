CREATE TABLE "dossiers" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"office_id" uuid NOT NULL,
	"name" text NOT NULL,
	"client_reference" text,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"expected_people" integer,
	"travel_from" text,
	"travel_to" text,
	"notes" text,
	"updated_at" timestamp with time zone NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "options" ADD COLUMN "dossier_id" text collate "C";--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_office_version" ON "dossiers" USING btree ("office_id","version","id");--> statement-breakpoint
ALTER TABLE "options" ADD CONSTRAINT "options_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "options_dossier" ON "options" USING btree ("dossier_id");