CREATE TABLE `dossiers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`client_reference` text,
	`contact_name` text,
	`contact_email` text,
	`contact_phone` text,
	`expected_people` integer,
	`travel_from` text,
	`travel_to` text,
	`notes` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `options` ADD `dossier_id` text;--> statement-breakpoint
CREATE INDEX `options_dossier` ON `options` (`dossier_id`);