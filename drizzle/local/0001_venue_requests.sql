CREATE TABLE `venue_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`venue_id` text NOT NULL,
	`visit_date` text NOT NULL,
	`head_count` integer NOT NULL,
	`state` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`sent_at` text NOT NULL,
	`confirmed_at` text,
	`paid_at` text,
	`done_at` text
);
--> statement-breakpoint
CREATE INDEX `venue_requests_venue` ON `venue_requests` (`venue_id`,`visit_date`);