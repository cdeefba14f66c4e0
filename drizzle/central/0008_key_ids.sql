CREATE TABLE "ticket_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"public_key_pem" text NOT NULL,
	"private_key_pem" text,
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
-- The key that signed every ticket and group code printed so far keeps its id, and goes on
-- signing and verifying until keys are configured (then it only verifies).
INSERT INTO "ticket_keys" ("key_id", "public_key_pem", "private_key_pem", "created_at")
	SELECT "key_id", "public_key_pem", "private_key_pem", "created_at" FROM "signing_key";
--> statement-breakpoint
DROP TABLE "signing_key" CASCADE;
--> statement-breakpoint
CREATE TABLE "revoked_sessions" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "session_id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
CREATE INDEX "revoked_sessions_until" ON "revoked_sessions" USING btree ("until");
