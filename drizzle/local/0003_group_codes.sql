CREATE TABLE `group_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`state` text NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `group_codes_order` ON `group_codes` (`order_id`);