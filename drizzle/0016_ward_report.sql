CREATE TABLE "ward_report_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"saved_by" uuid,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ward_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ward_report_revision" ADD CONSTRAINT "ward_report_revision_ward_report_id_ward_report_id_fk" FOREIGN KEY ("ward_report_id") REFERENCES "public"."ward_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ward_report_revision" ADD CONSTRAINT "ward_report_revision_saved_by_user_account_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ward_report" ADD CONSTRAINT "ward_report_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ward_report" ADD CONSTRAINT "ward_report_period_id_reporting_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ward_report" ADD CONSTRAINT "ward_report_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ward_report" ADD CONSTRAINT "ward_report_updated_by_user_account_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ward_report_revision_ward_report_id_version_index" ON "ward_report_revision" USING btree ("ward_report_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "ward_report_period_id_index" ON "ward_report" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "ward_report_ward_id_index" ON "ward_report" USING btree ("ward_id");--> statement-breakpoint
-- Every saved version of the ward's consolidated report is kept as it was (issue 11): the database refuses
-- to rewrite the history, like unit_report_revision (0014).
CREATE OR REPLACE FUNCTION ward_report_revision_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'ward_report_revision is append-only (lịch sử báo cáo không được sửa)'
		USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER ward_report_revision_no_update_delete BEFORE UPDATE OR DELETE ON ward_report_revision
	FOR EACH ROW EXECUTE FUNCTION ward_report_revision_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ward_report_revision_no_truncate BEFORE TRUNCATE ON ward_report_revision
	FOR EACH STATEMENT EXECUTE FUNCTION ward_report_revision_refuse_change();
