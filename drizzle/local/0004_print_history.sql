CREATE TABLE `print_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`how` text NOT NULL,
	`printer` text,
	`copies` integer DEFAULT 1 NOT NULL,
	`workstation` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `printed_tickets` (
	`event_id` integer NOT NULL,
	`ticket_id` text NOT NULL,
	`order_id` text NOT NULL,
	PRIMARY KEY(`event_id`, `ticket_id`),
	FOREIGN KEY (`event_id`) REFERENCES `print_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `printed_tickets_ticket` ON `printed_tickets` (`ticket_id`);--> statement-breakpoint
CREATE INDEX `printed_tickets_order` ON `printed_tickets` (`order_id`);