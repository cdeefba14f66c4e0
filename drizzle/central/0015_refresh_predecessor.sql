ALTER TABLE "sessions" ADD COLUMN "predecessor_hash" text;--> statement-breakpoint
CREATE INDEX "sessions_predecessor" ON "sessions" USING btree ("predecessor_hash");