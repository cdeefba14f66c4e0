CREATE TABLE `server_voucher_museums` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `vouchers` ADD `state` text DEFAULT 'valid' NOT NULL;--> statement-breakpoint
ALTER TABLE `vouchers` ADD `used_at` text;--> statement-breakpoint
ALTER TABLE `vouchers` ADD `value` text;