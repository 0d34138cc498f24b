CREATE TABLE "message_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"recipient_user_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'recorded' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_reminder" (
	"period_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"threshold" text NOT NULL,
	"recipient_count" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_unit" (
	"period_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_period" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" smallint NOT NULL,
	"label" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_period_dates" CHECK ("reporting_period"."starts_on" <= "reporting_period"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "reporting_schedule" (
	"ward_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_month" smallint NOT NULL,
	"due_day" smallint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_schedule_due_valid" CHECK ("reporting_schedule"."due_month" between 1 and 12 and "reporting_schedule"."due_day" between 1 and 31)
);
--> statement-breakpoint
CREATE TABLE "unit_report_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"status" text NOT NULL,
	"figures" jsonb NOT NULL,
	"results" text NOT NULL,
	"good_practices" text NOT NULL,
	"difficulties" text NOT NULL,
	"proposals" text NOT NULL,
	"comment" text,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"figures" jsonb NOT NULL,
	"system_figures" jsonb NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"good_practices" text DEFAULT '' NOT NULL,
	"difficulties" text DEFAULT '' NOT NULL,
	"proposals" text DEFAULT '' NOT NULL,
	"review_comment" text,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "message_outbox" ADD CONSTRAINT "message_outbox_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_outbox" ADD CONSTRAINT "message_outbox_recipient_user_id_user_account_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."user_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_user_account_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminder" ADD CONSTRAINT "report_reminder_period_id_reporting_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_period"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminder" ADD CONSTRAINT "report_reminder_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_unit" ADD CONSTRAINT "report_unit_period_id_reporting_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_period"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_unit" ADD CONSTRAINT "report_unit_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_period" ADD CONSTRAINT "reporting_period_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_period" ADD CONSTRAINT "reporting_period_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_schedule" ADD CONSTRAINT "reporting_schedule_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report_revision" ADD CONSTRAINT "unit_report_revision_unit_report_id_unit_report_id_fk" FOREIGN KEY ("unit_report_id") REFERENCES "public"."unit_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report_revision" ADD CONSTRAINT "unit_report_revision_actor_id_user_account_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report" ADD CONSTRAINT "unit_report_period_id_reporting_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report" ADD CONSTRAINT "unit_report_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report" ADD CONSTRAINT "unit_report_updated_by_user_account_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_outbox_ward_id_created_at_index" ON "message_outbox" USING btree ("ward_id","created_at");--> statement-breakpoint
CREATE INDEX "notification_user_id_created_at_index" ON "notification" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_reminder_period_id_organization_id_threshold_index" ON "report_reminder" USING btree ("period_id","organization_id","threshold");--> statement-breakpoint
CREATE UNIQUE INDEX "report_unit_period_id_organization_id_index" ON "report_unit" USING btree ("period_id","organization_id");--> statement-breakpoint
CREATE INDEX "report_unit_organization_id_index" ON "report_unit" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "reporting_period_ward_id_year_index" ON "reporting_period" USING btree ("ward_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_period_ward_id_kind_year_index" ON "reporting_period" USING btree ("ward_id","kind","year") WHERE "reporting_period"."kind" <> 'adhoc';--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_schedule_ward_id_kind_index" ON "reporting_schedule" USING btree ("ward_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_report_revision_unit_report_id_version_index" ON "unit_report_revision" USING btree ("unit_report_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_report_period_id_organization_id_index" ON "unit_report" USING btree ("period_id","organization_id");--> statement-breakpoint
CREATE INDEX "unit_report_period_id_status_index" ON "unit_report" USING btree ("period_id","status");--> statement-breakpoint
-- A unit report's history is the record of what the unit submitted and what the ward decided (issue 11):
-- the database refuses to rewrite it, like the audit log (0003) and the indicator snapshots (0010).
CREATE OR REPLACE FUNCTION unit_report_revision_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'unit_report_revision is append-only (lịch sử báo cáo không được sửa)'
		USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER unit_report_revision_no_update_delete BEFORE UPDATE OR DELETE ON unit_report_revision
	FOR EACH ROW EXECUTE FUNCTION unit_report_revision_refuse_change();
--> statement-breakpoint
CREATE TRIGGER unit_report_revision_no_truncate BEFORE TRUNCATE ON unit_report_revision
	FOR EACH STATEMENT EXECUTE FUNCTION unit_report_revision_refuse_change();
