CREATE TABLE `voucher_assign_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`language` text NOT NULL,
	`assignments` text NOT NULL,
	`created_at` text NOT NULL,
	`sent_at` text,
	`results` text
);
