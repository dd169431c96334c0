CREATE TABLE `post_audio` (
	`post_id` integer NOT NULL,
	`language` text NOT NULL,
	`state` text NOT NULL,
	`reason` text NOT NULL,
	`generation` integer DEFAULT 1 NOT NULL,
	`requested_at` integer NOT NULL,
	`claimed_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_try_at` integer,
	`error` text DEFAULT '' NOT NULL,
	`file` text,
	`text_key` text,
	`engine` text,
	`bytes` integer DEFAULT 0 NOT NULL,
	`duration_ms` integer DEFAULT 0 NOT NULL,
	`cpu_ms` integer DEFAULT 0 NOT NULL,
	`made_at` integer,
	`last_used_at` integer,
	PRIMARY KEY(`post_id`, `language`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `post_audio_state_idx` ON `post_audio` (`state`,`requested_at`);--> statement-breakpoint
CREATE INDEX `post_audio_file_idx` ON `post_audio` (`file`);--> statement-breakpoint
CREATE INDEX `post_audio_used_idx` ON `post_audio` (`last_used_at`);