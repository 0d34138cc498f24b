CREATE TABLE "basic_skill_item" (
	"framework_id" text NOT NULL,
	"code" text NOT NULL,
	"group_code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"competencies" text[] NOT NULL,
	"audiences" text[] NOT NULL,
	CONSTRAINT "basic_skill_item_framework_id_code_pk" PRIMARY KEY("framework_id","code")
);
--> statement-breakpoint
CREATE TABLE "learner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"user_id" uuid,
	"resident_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_activity" (
	"id" uuid PRIMARY KEY NOT NULL,
	"learner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"lesson_id" text NOT NULL,
	"lesson_revision" integer NOT NULL,
	"item_id" text,
	"answer" jsonb,
	"correct" boolean,
	"position" smallint,
	"seconds" integer,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"origin" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_content_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"files_hash" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"summary" jsonb NOT NULL,
	CONSTRAINT "learning_content_import_filesHash_unique" UNIQUE("files_hash")
);
--> statement-breakpoint
CREATE TABLE "learning_course" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"level" text NOT NULL,
	"target_groups" text[] NOT NULL,
	"revision" integer NOT NULL,
	"content_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_enrolment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"learner_id" uuid NOT NULL,
	"track_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"enrolled_by" uuid,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"chosen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "learning_image" (
	"course_id" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_image_course_id_file_name_pk" PRIMARY KEY("course_id","file_name")
);
--> statement-breakpoint
CREATE TABLE "learning_lesson_competency" (
	"lesson_id" text NOT NULL,
	"competency_code" text NOT NULL,
	CONSTRAINT "learning_lesson_competency_lesson_id_competency_code_pk" PRIMARY KEY("lesson_id","competency_code")
);
--> statement-breakpoint
CREATE TABLE "learning_lesson" (
	"id" text PRIMARY KEY NOT NULL,
	"course_id" text NOT NULL,
	"position" smallint NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"minutes" smallint NOT NULL,
	"level" text NOT NULL,
	"competencies" text[] NOT NULL,
	"basic_skills" text[] NOT NULL,
	"body" text NOT NULL,
	"images" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"revision" integer NOT NULL,
	"content_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_kind" text NOT NULL,
	"entity_id" text NOT NULL,
	"revision" integer NOT NULL,
	"status" text NOT NULL,
	"origin" text NOT NULL,
	"content_hash" text NOT NULL,
	"data" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "learning_track_course" (
	"track_id" text NOT NULL,
	"course_id" text NOT NULL,
	"position" smallint NOT NULL,
	"required" boolean NOT NULL,
	CONSTRAINT "learning_track_course_track_id_course_id_pk" PRIMARY KEY("track_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "learning_track" (
	"id" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"description" text NOT NULL,
	"position" smallint NOT NULL,
	"target_groups" text[] NOT NULL,
	"basic_skills_audience" text,
	"completion" jsonb NOT NULL,
	"revision" integer NOT NULL,
	"content_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lesson_progress" (
	"learner_id" uuid NOT NULL,
	"lesson_id" text NOT NULL,
	"status" text NOT NULL,
	"lesson_revision" integer NOT NULL,
	"first_opened_at" timestamp with time zone NOT NULL,
	"last_opened_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"seconds_spent" integer DEFAULT 0 NOT NULL,
	"last_position" smallint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lesson_progress_learner_id_lesson_id_pk" PRIMARY KEY("learner_id","lesson_id")
);
--> statement-breakpoint
CREATE TABLE "practice_item" (
	"lesson_id" text NOT NULL,
	"item_id" text NOT NULL,
	"position" smallint NOT NULL,
	"kind" text NOT NULL,
	"competency_code" text NOT NULL,
	"prompt" text NOT NULL,
	"options" jsonb NOT NULL,
	"answer" jsonb NOT NULL,
	"explanation" text NOT NULL,
	CONSTRAINT "practice_item_lesson_id_item_id_pk" PRIMARY KEY("lesson_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "skill_competency" (
	"framework_id" text NOT NULL,
	"code" text NOT NULL,
	"domain_code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"description" text,
	"position" smallint NOT NULL,
	CONSTRAINT "skill_competency_framework_id_code_pk" PRIMARY KEY("framework_id","code")
);
--> statement-breakpoint
CREATE TABLE "skill_domain" (
	"framework_id" text NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "skill_domain_framework_id_code_pk" PRIMARY KEY("framework_id","code")
);
--> statement-breakpoint
CREATE TABLE "skill_framework" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text NOT NULL,
	"revision" integer NOT NULL,
	"content_hash" text NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skill_level" (
	"framework_id" text NOT NULL,
	"code" text NOT NULL,
	"number" smallint NOT NULL,
	"band" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"descriptor" text,
	CONSTRAINT "skill_level_framework_id_code_pk" PRIMARY KEY("framework_id","code")
);
--> statement-breakpoint
ALTER TABLE "basic_skill_item" ADD CONSTRAINT "basic_skill_item_framework_id_skill_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."skill_framework"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner" ADD CONSTRAINT "learner_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner" ADD CONSTRAINT "learner_user_id_user_account_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner" ADD CONSTRAINT "learner_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_activity" ADD CONSTRAINT "learning_activity_learner_id_learner_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_activity" ADD CONSTRAINT "learning_activity_lesson_id_learning_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."learning_lesson"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_enrolment" ADD CONSTRAINT "learning_enrolment_learner_id_learner_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_enrolment" ADD CONSTRAINT "learning_enrolment_track_id_learning_track_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."learning_track"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_enrolment" ADD CONSTRAINT "learning_enrolment_enrolled_by_user_account_id_fk" FOREIGN KEY ("enrolled_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_image" ADD CONSTRAINT "learning_image_course_id_learning_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."learning_course"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_lesson_competency" ADD CONSTRAINT "learning_lesson_competency_lesson_id_learning_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."learning_lesson"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_lesson" ADD CONSTRAINT "learning_lesson_course_id_learning_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."learning_course"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_revision" ADD CONSTRAINT "learning_revision_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_revision" ADD CONSTRAINT "learning_revision_published_by_user_account_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_track_course" ADD CONSTRAINT "learning_track_course_track_id_learning_track_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."learning_track"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_track_course" ADD CONSTRAINT "learning_track_course_course_id_learning_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."learning_course"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_learner_id_learner_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_lesson_id_learning_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."learning_lesson"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_item" ADD CONSTRAINT "practice_item_lesson_id_learning_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."learning_lesson"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_competency" ADD CONSTRAINT "skill_competency_framework_id_skill_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."skill_framework"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_domain" ADD CONSTRAINT "skill_domain_framework_id_skill_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."skill_framework"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_level" ADD CONSTRAINT "skill_level_framework_id_skill_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."skill_framework"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "learner_user_id_index" ON "learner" USING btree ("user_id") WHERE "learner"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "learner_resident_id_index" ON "learner" USING btree ("resident_id") WHERE "learner"."resident_id" is not null;--> statement-breakpoint
CREATE INDEX "learner_ward_id_index" ON "learner" USING btree ("ward_id");--> statement-breakpoint
CREATE INDEX "learning_activity_learner_id_lesson_id_index" ON "learning_activity" USING btree ("learner_id","lesson_id");--> statement-breakpoint
CREATE INDEX "learning_activity_lesson_id_kind_index" ON "learning_activity" USING btree ("lesson_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_enrolment_learner_id_track_id_index" ON "learning_enrolment" USING btree ("learner_id","track_id");--> statement-breakpoint
CREATE INDEX "learning_enrolment_track_id_status_index" ON "learning_enrolment" USING btree ("track_id","status");--> statement-breakpoint
CREATE INDEX "learning_lesson_competency_competency_code_index" ON "learning_lesson_competency" USING btree ("competency_code");--> statement-breakpoint
CREATE INDEX "learning_lesson_course_id_position_index" ON "learning_lesson" USING btree ("course_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_revision_entity_kind_entity_id_revision_index" ON "learning_revision" USING btree ("entity_kind","entity_id","revision");--> statement-breakpoint
CREATE INDEX "learning_revision_entity_kind_entity_id_status_index" ON "learning_revision" USING btree ("entity_kind","entity_id","status");--> statement-breakpoint
CREATE INDEX "learning_track_course_course_id_index" ON "learning_track_course" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "lesson_progress_lesson_id_status_index" ON "lesson_progress" USING btree ("lesson_id","status");