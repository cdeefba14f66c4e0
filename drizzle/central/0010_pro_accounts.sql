ALTER TABLE "offices" ADD COLUMN "legal_form" text;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "siret" text;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "vat_number" text;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "civility" text;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "first_name" text;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "surname" text;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "job_title" text;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "street" text;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "postcode" text;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "language" text DEFAULT 'fr' NOT NULL;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "created_mail_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "validated_mail_sent_at" timestamp with time zone;