CREATE TABLE `refused_changes` (
	`mutation_id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`args` text NOT NULL,
	`code` text NOT NULL,
	`fields` text NOT NULL,
	`refused_at` text NOT NULL,
	`rolled_back` integer DEFAULT false NOT NULL
);
