CREATE TABLE "assessment_attempt_item" (
	"attempt_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"item_id" text NOT NULL,
	"item_revision" integer NOT NULL,
	"competency_code" text NOT NULL,
	"level" text NOT NULL,
	"option_tokens" jsonb NOT NULL,
	"target_tokens" jsonb,
	"answer" jsonb,
	"correct" boolean,
	"answered_at" timestamp with time zone,
	CONSTRAINT "assessment_attempt_item_attempt_id_position_pk" PRIMARY KEY("attempt_id","position")
);
--> statement-breakpoint
CREATE TABLE "assessment_attempt" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"course_id" text,
	"track_id" text,
	"status" text DEFAULT 'inProgress' NOT NULL,
	"planned_items" smallint NOT NULL,
	"pass_mark_percent" smallint,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deadline_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"correct_count" smallint,
	"score_percent" smallint,
	"passed" boolean,
	"result" jsonb
);
--> statement-breakpoint
CREATE TABLE "assessment_image" (
	"sha256" text PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_item" (
	"id" text PRIMARY KEY NOT NULL,
	"course_id" text NOT NULL,
	"competency_code" text NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"prompt" text NOT NULL,
	"options" jsonb NOT NULL,
	"targets" jsonb,
	"answer" jsonb NOT NULL,
	"explanation" text NOT NULL,
	"image_sha256" text,
	"image_alt" text,
	"origin" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"content_hash" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competency_mastery" (
	"learner_id" uuid NOT NULL,
	"ward_id" uuid NOT NULL,
	"competency_code" text NOT NULL,
	"state" text NOT NULL,
	"recent" jsonb NOT NULL,
	"highest_level" text,
	"confirmed_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competency_mastery_learner_id_competency_code_pk" PRIMARY KEY("learner_id","competency_code")
);
--> statement-breakpoint
CREATE TABLE "oral_assessment_result" (
	"oral_assessment_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"competency_code" text NOT NULL,
	"outcome" text NOT NULL,
	"item_id" text,
	CONSTRAINT "oral_assessment_result_oral_assessment_id_position_pk" PRIMARY KEY("oral_assessment_id","position")
);
--> statement-breakpoint
CREATE TABLE "oral_assessment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"track_id" text,
	"passed" boolean,
	"note" text,
	"confirmed_by" uuid NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_attempt_item" ADD CONSTRAINT "assessment_attempt_item_attempt_id_assessment_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."assessment_attempt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_attempt_item" ADD CONSTRAINT "assessment_attempt_item_item_id_assessment_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."assessment_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_attempt" ADD CONSTRAINT "assessment_attempt_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_attempt" ADD CONSTRAINT "assessment_attempt_learner_id_learner_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_attempt" ADD CONSTRAINT "assessment_attempt_course_id_learning_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."learning_course"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_attempt" ADD CONSTRAINT "assessment_attempt_track_id_learning_track_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."learning_track"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_item" ADD CONSTRAINT "assessment_item_course_id_learning_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."learning_course"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_item" ADD CONSTRAINT "assessment_item_image_sha256_assessment_image_sha256_fk" FOREIGN KEY ("image_sha256") REFERENCES "public"."assessment_image"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_item" ADD CONSTRAINT "assessment_item_updated_by_user_account_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_mastery" ADD CONSTRAINT "competency_mastery_learner_id_learner_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_mastery" ADD CONSTRAINT "competency_mastery_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_mastery" ADD CONSTRAINT "competency_mastery_confirmed_by_user_account_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oral_assessment_result" ADD CONSTRAINT "oral_assessment_result_oral_assessment_id_oral_assessment_id_fk" FOREIGN KEY ("oral_assessment_id") REFERENCES "public"."oral_assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oral_assessment_result" ADD CONSTRAINT "oral_assessment_result_item_id_assessment_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."assessment_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oral_assessment" ADD CONSTRAINT "oral_assessment_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oral_assessment" ADD CONSTRAINT "oral_assessment_learner_id_learner_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oral_assessment" ADD CONSTRAINT "oral_assessment_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oral_assessment" ADD CONSTRAINT "oral_assessment_track_id_learning_track_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."learning_track"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oral_assessment" ADD CONSTRAINT "oral_assessment_confirmed_by_user_account_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_attempt_item_item_id_index" ON "assessment_attempt_item" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "assessment_attempt_learner_id_kind_started_at_index" ON "assessment_attempt" USING btree ("learner_id","kind","started_at");--> statement-breakpoint
CREATE INDEX "assessment_attempt_ward_id_kind_submitted_at_index" ON "assessment_attempt" USING btree ("ward_id","kind","submitted_at");--> statement-breakpoint
CREATE INDEX "assessment_item_course_id_active_index" ON "assessment_item" USING btree ("course_id","active");--> statement-breakpoint
CREATE INDEX "assessment_item_competency_code_level_index" ON "assessment_item" USING btree ("competency_code","level");--> statement-breakpoint
CREATE INDEX "competency_mastery_ward_id_competency_code_index" ON "competency_mastery" USING btree ("ward_id","competency_code");--> statement-breakpoint
CREATE INDEX "oral_assessment_result_item_id_index" ON "oral_assessment_result" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "oral_assessment_resident_id_confirmed_at_index" ON "oral_assessment" USING btree ("resident_id","confirmed_at");--> statement-breakpoint
CREATE INDEX "oral_assessment_ward_id_confirmed_at_index" ON "oral_assessment" USING btree ("ward_id","confirmed_at");