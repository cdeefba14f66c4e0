CREATE TABLE `voucher_assign_refusals` (
	`request_id` text NOT NULL,
	`voucher_id` text NOT NULL,
	`email` text NOT NULL,
	`reason` text NOT NULL,
	`message` text NOT NULL,
	`refused_at` text NOT NULL,
	`closed_at` text,
	PRIMARY KEY(`request_id`, `voucher_id`),
	FOREIGN KEY (`request_id`) REFERENCES `voucher_assign_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `voucher_assign_refusals_voucher` ON `voucher_assign_refusals` (`voucher_id`);