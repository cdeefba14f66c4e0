-- 0000 created `orders` and `tickets` as placeholders that no Guichet ever wrote (always empty, so
-- no voucher can refer to an order): they are rebuilt as mirrors of the central service's orders
-- and tickets, nothing to copy. `orders` is rebuilt under its own name so that vouchers.order_id
-- still refers to it. PRAGMA foreign_keys cannot change inside the migration's transaction: the
-- child table (tickets) goes first.
DROP TABLE `tickets`;--> statement-breakpoint
CREATE TABLE `__new_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`state` text NOT NULL,
	`created_at` text NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
DROP TABLE `orders`;--> statement-breakpoint
ALTER TABLE `__new_orders` RENAME TO `orders`;--> statement-breakpoint
CREATE UNIQUE INDEX `orders_number_unique` ON `orders` (`number`);--> statement-breakpoint
CREATE INDEX `orders_created` ON `orders` (`created_at`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`number` text NOT NULL,
	`state` text NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_number_unique` ON `tickets` (`number`);--> statement-breakpoint
CREATE INDEX `tickets_order` ON `tickets` (`order_id`);
