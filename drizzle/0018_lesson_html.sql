CREATE TABLE "learning_lesson_html" (
	"lesson_id" text PRIMARY KEY NOT NULL,
	"content_hash" text NOT NULL,
	"renderer" text NOT NULL,
	"html" text NOT NULL,
	"rendered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "learning_lesson_html" ADD CONSTRAINT "learning_lesson_html_lesson_id_learning_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."learning_lesson"("id") ON DELETE cascade ON UPDATE no action;