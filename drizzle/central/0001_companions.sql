CREATE TABLE "companions" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"office_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"surname" text NOT NULL,
	"first_name" text NOT NULL,
	"email" text,
	"phone" text,
	"placeholder" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "companions" ADD CONSTRAINT "companions_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "companions_office_version" ON "companions" USING btree ("office_id","version","id");