CREATE TABLE "class_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"method" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "class_enrolment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"source" text NOT NULL,
	"enrolled_by" uuid,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "class_material" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_id" uuid NOT NULL,
	"course_id" text,
	"lesson_id" text,
	"position" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "class_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"topic" text NOT NULL,
	"place" text,
	"lesson_id" text,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_class" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"place" text NOT NULL,
	"instructor_id" uuid NOT NULL,
	"organizer_organization_id" uuid,
	"capacity" smallint NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ambassador_assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"ambassador_resident_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_by" uuid,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "digital_family_criterion" (
	"ward_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"enabled" boolean NOT NULL,
	"threshold" smallint NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digital_family_criterion_ward_id_kind_pk" PRIMARY KEY("ward_id","kind")
);
--> statement-breakpoint
CREATE TABLE "digital_market_audience" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"target_group_code" text,
	"organization_id" uuid
);
--> statement-breakpoint
CREATE TABLE "pilot_model_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pilot_model_id" uuid NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"file_name" text,
	"content_type" text,
	"bytes" "bytea",
	"size_bytes" integer,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_model_member" (
	"pilot_model_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"role" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pilot_model_member_pilot_model_id_resident_id_pk" PRIMARY KEY("pilot_model_id","resident_id")
);
--> statement-breakpoint
CREATE TABLE "pilot_model" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"goal" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"organization_id" uuid,
	"residential_group_id" uuid,
	"started_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_digital_practice" (
	"resident_id" uuid NOT NULL,
	"practice" text NOT NULL,
	"source" text NOT NULL,
	"since" date NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resident_digital_practice_resident_id_practice_pk" PRIMARY KEY("resident_id","practice")
);
--> statement-breakpoint
ALTER TABLE "class_attendance" ADD CONSTRAINT "class_attendance_session_id_class_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."class_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_attendance" ADD CONSTRAINT "class_attendance_learner_id_learner_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_attendance" ADD CONSTRAINT "class_attendance_recorded_by_user_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_enrolment" ADD CONSTRAINT "class_enrolment_class_id_community_class_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."community_class"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_enrolment" ADD CONSTRAINT "class_enrolment_learner_id_learner_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_enrolment" ADD CONSTRAINT "class_enrolment_enrolled_by_user_account_id_fk" FOREIGN KEY ("enrolled_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_material" ADD CONSTRAINT "class_material_class_id_community_class_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."community_class"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_material" ADD CONSTRAINT "class_material_course_id_learning_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."learning_course"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_material" ADD CONSTRAINT "class_material_lesson_id_learning_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."learning_lesson"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_session" ADD CONSTRAINT "class_session_class_id_community_class_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."community_class"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_session" ADD CONSTRAINT "class_session_lesson_id_learning_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."learning_lesson"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_class" ADD CONSTRAINT "community_class_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_class" ADD CONSTRAINT "community_class_instructor_id_user_account_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_class" ADD CONSTRAINT "community_class_organizer_organization_id_organization_id_fk" FOREIGN KEY ("organizer_organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_class" ADD CONSTRAINT "community_class_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_assignment" ADD CONSTRAINT "ambassador_assignment_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_assignment" ADD CONSTRAINT "ambassador_assignment_ambassador_resident_id_resident_id_fk" FOREIGN KEY ("ambassador_resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_assignment" ADD CONSTRAINT "ambassador_assignment_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_assignment" ADD CONSTRAINT "ambassador_assignment_assigned_by_user_account_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_assignment" ADD CONSTRAINT "ambassador_assignment_ended_by_user_account_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digital_family_criterion" ADD CONSTRAINT "digital_family_criterion_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digital_family_criterion" ADD CONSTRAINT "digital_family_criterion_updated_by_user_account_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digital_market_audience" ADD CONSTRAINT "digital_market_audience_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digital_market_audience" ADD CONSTRAINT "digital_market_audience_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_model_evidence" ADD CONSTRAINT "pilot_model_evidence_pilot_model_id_pilot_model_id_fk" FOREIGN KEY ("pilot_model_id") REFERENCES "public"."pilot_model"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_model_evidence" ADD CONSTRAINT "pilot_model_evidence_added_by_user_account_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_model_member" ADD CONSTRAINT "pilot_model_member_pilot_model_id_pilot_model_id_fk" FOREIGN KEY ("pilot_model_id") REFERENCES "public"."pilot_model"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_model_member" ADD CONSTRAINT "pilot_model_member_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_model" ADD CONSTRAINT "pilot_model_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_model" ADD CONSTRAINT "pilot_model_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_model" ADD CONSTRAINT "pilot_model_residential_group_id_residential_group_id_fk" FOREIGN KEY ("residential_group_id") REFERENCES "public"."residential_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_model" ADD CONSTRAINT "pilot_model_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_digital_practice" ADD CONSTRAINT "resident_digital_practice_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_digital_practice" ADD CONSTRAINT "resident_digital_practice_recorded_by_user_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "class_attendance_session_id_learner_id_index" ON "class_attendance" USING btree ("session_id","learner_id");--> statement-breakpoint
CREATE INDEX "class_attendance_learner_id_index" ON "class_attendance" USING btree ("learner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "class_enrolment_class_id_learner_id_index" ON "class_enrolment" USING btree ("class_id","learner_id");--> statement-breakpoint
CREATE INDEX "class_enrolment_learner_id_index" ON "class_enrolment" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "class_material_class_id_position_index" ON "class_material" USING btree ("class_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "class_material_class_id_course_id_index" ON "class_material" USING btree ("class_id","course_id") WHERE "class_material"."course_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "class_material_class_id_lesson_id_index" ON "class_material" USING btree ("class_id","lesson_id") WHERE "class_material"."lesson_id" is not null;--> statement-breakpoint
CREATE INDEX "class_session_class_id_starts_at_index" ON "class_session" USING btree ("class_id","starts_at");--> statement-breakpoint
CREATE INDEX "community_class_ward_id_status_index" ON "community_class" USING btree ("ward_id","status");--> statement-breakpoint
CREATE INDEX "community_class_organizer_organization_id_index" ON "community_class" USING btree ("organizer_organization_id");--> statement-breakpoint
CREATE INDEX "community_class_instructor_id_index" ON "community_class" USING btree ("instructor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ambassador_assignment_household_id_index" ON "ambassador_assignment" USING btree ("household_id") WHERE "ambassador_assignment"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "ambassador_assignment_ambassador_resident_id_index" ON "ambassador_assignment" USING btree ("ambassador_resident_id");--> statement-breakpoint
CREATE INDEX "ambassador_assignment_ward_id_index" ON "ambassador_assignment" USING btree ("ward_id");--> statement-breakpoint
CREATE UNIQUE INDEX "digital_market_audience_ward_id_target_group_code_index" ON "digital_market_audience" USING btree ("ward_id","target_group_code") WHERE "digital_market_audience"."target_group_code" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "digital_market_audience_ward_id_organization_id_index" ON "digital_market_audience" USING btree ("ward_id","organization_id") WHERE "digital_market_audience"."organization_id" is not null;--> statement-breakpoint
CREATE INDEX "pilot_model_evidence_pilot_model_id_index" ON "pilot_model_evidence" USING btree ("pilot_model_id");--> statement-breakpoint
CREATE INDEX "pilot_model_member_resident_id_index" ON "pilot_model_member" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "pilot_model_ward_id_kind_index" ON "pilot_model" USING btree ("ward_id","kind");--> statement-breakpoint
CREATE INDEX "resident_digital_practice_practice_index" ON "resident_digital_practice" USING btree ("practice");