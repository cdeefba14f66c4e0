CREATE TABLE `companions` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`surname` text NOT NULL,
	`first_name` text NOT NULL,
	`email` text,
	`phone` text,
	`placeholder` integer DEFAULT false NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`surname` text NOT NULL,
	`first_name` text NOT NULL,
	`email` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `options` (
	`id` text PRIMARY KEY NOT NULL,
	`venue_id` text NOT NULL,
	`slot_id` text NOT NULL,
	`starts_at` text NOT NULL,
	`composition` text NOT NULL,
	`total_cents` integer NOT NULL,
	`state` text NOT NULL,
	`expires_at` text,
	`group_booking_id` text,
	`rejection` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `options_state` ON `options` (`state`,`starts_at`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`state` text NOT NULL,
	`payment_method` text,
	`total_cents` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_number_unique` ON `orders` (`number`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`mutation_id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`args` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `server_closed_days` (
	`venue_id` text NOT NULL,
	`local_date` text NOT NULL,
	PRIMARY KEY(`venue_id`, `local_date`),
	FOREIGN KEY (`venue_id`) REFERENCES `server_venues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `server_products` (
	`id` text PRIMARY KEY NOT NULL,
	`venue_id` text NOT NULL,
	`kind` text NOT NULL,
	`label_fr` text NOT NULL,
	`label_en` text NOT NULL,
	`price_cents` integer NOT NULL,
	FOREIGN KEY (`venue_id`) REFERENCES `server_venues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `server_slots` (
	`id` text PRIMARY KEY NOT NULL,
	`venue_id` text NOT NULL,
	`starts_at` text NOT NULL,
	`local_date` text NOT NULL,
	`local_time` text NOT NULL,
	`capacity` integer NOT NULL,
	`remaining` integer NOT NULL,
	`status` text NOT NULL,
	FOREIGN KEY (`venue_id`) REFERENCES `server_venues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `server_slots_venue_date` ON `server_slots` (`venue_id`,`local_date`,`local_time`);--> statement-breakpoint
CREATE TABLE `server_venues` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`city` text NOT NULL,
	`time_zone` text NOT NULL,
	`online` integer NOT NULL,
	`rules` text NOT NULL,
	`contact` text NOT NULL,
	`schedule` text,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`number` text NOT NULL,
	`product_id` text NOT NULL,
	`slot_id` text,
	`valid_from` text NOT NULL,
	`valid_until` text NOT NULL,
	`qr_payload` text NOT NULL,
	`assigned_contact_id` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_number_unique` ON `tickets` (`number`);--> statement-breakpoint
CREATE TABLE `vouchers` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`venue_id` text NOT NULL,
	`order_id` text,
	`assigned_email` text,
	`used` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vouchers_code_unique` ON `vouchers` (`code`);