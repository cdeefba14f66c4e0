CREATE TABLE "voucher_assign_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"office_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"response" jsonb
);
--> statement-breakpoint
ALTER TABLE "vouchers" ADD COLUMN "assigned_email" text;--> statement-breakpoint
ALTER TABLE "vouchers" ADD COLUMN "assigned_name" text;--> statement-breakpoint
ALTER TABLE "vouchers" ADD COLUMN "assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "vouchers" ADD COLUMN "assign_request_id" uuid;--> statement-breakpoint
ALTER TABLE "voucher_assign_requests" ADD CONSTRAINT "voucher_assign_requests_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;