CREATE TABLE "emulation_commendation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"name" text NOT NULL,
	"rank" integer NOT NULL,
	"total" double precision NOT NULL,
	"award" text NOT NULL,
	"reason" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_by" uuid,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "emulation_criterion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"weight" double precision NOT NULL,
	"max_points" smallint NOT NULL,
	"rule" jsonb NOT NULL,
	"position" smallint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_freeze" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"frozen_by" uuid,
	"frozen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_frozen_score" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"freeze_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"name" text NOT NULL,
	"detail" text,
	"cells" jsonb NOT NULL,
	"total" double precision NOT NULL,
	"rank" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_manual_score" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"criterion_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"points" double precision NOT NULL,
	"note" text NOT NULL,
	"evidence_url" text,
	"evidence_file_name" text,
	"evidence_content_type" text,
	"evidence_bytes" "bytea",
	"evidence_size_bytes" integer,
	"scored_by" uuid NOT NULL,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "emulation_commendation" ADD CONSTRAINT "emulation_commendation_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_commendation" ADD CONSTRAINT "emulation_commendation_period_id_reporting_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_commendation" ADD CONSTRAINT "emulation_commendation_proposed_by_user_account_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_commendation" ADD CONSTRAINT "emulation_commendation_withdrawn_by_user_account_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_criterion" ADD CONSTRAINT "emulation_criterion_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_criterion" ADD CONSTRAINT "emulation_criterion_period_id_reporting_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_criterion" ADD CONSTRAINT "emulation_criterion_updated_by_user_account_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_freeze" ADD CONSTRAINT "emulation_freeze_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_freeze" ADD CONSTRAINT "emulation_freeze_period_id_reporting_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_freeze" ADD CONSTRAINT "emulation_freeze_frozen_by_user_account_id_fk" FOREIGN KEY ("frozen_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_frozen_score" ADD CONSTRAINT "emulation_frozen_score_freeze_id_emulation_freeze_id_fk" FOREIGN KEY ("freeze_id") REFERENCES "public"."emulation_freeze"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_manual_score" ADD CONSTRAINT "emulation_manual_score_criterion_id_emulation_criterion_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."emulation_criterion"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_manual_score" ADD CONSTRAINT "emulation_manual_score_scored_by_user_account_id_fk" FOREIGN KEY ("scored_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_commendation_period_id_subject_subject_id_index" ON "emulation_commendation" USING btree ("period_id","subject","subject_id") WHERE "emulation_commendation"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "emulation_commendation_period_id_index" ON "emulation_commendation" USING btree ("period_id");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_criterion_period_id_subject_code_index" ON "emulation_criterion" USING btree ("period_id","subject","code");--> statement-breakpoint
CREATE INDEX "emulation_criterion_ward_id_index" ON "emulation_criterion" USING btree ("ward_id");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_freeze_period_id_subject_index" ON "emulation_freeze" USING btree ("period_id","subject");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_frozen_score_freeze_id_subject_id_index" ON "emulation_frozen_score" USING btree ("freeze_id","subject_id");--> statement-breakpoint
CREATE INDEX "emulation_manual_score_criterion_id_subject_id_scored_at_index" ON "emulation_manual_score" USING btree ("criterion_id","subject_id","scored_at");--> statement-breakpoint
-- Emulation scores frozen when a period closes are the record the commendations rest on (issue 11): the
-- database refuses to rewrite them, like the audit log (0003) and the indicator snapshots (0010).
CREATE OR REPLACE FUNCTION emulation_frozen_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION '% is append-only (điểm thi đua đã chốt không được sửa)', TG_TABLE_NAME
		USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER emulation_freeze_no_update_delete BEFORE UPDATE OR DELETE ON emulation_freeze
	FOR EACH ROW EXECUTE FUNCTION emulation_frozen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER emulation_freeze_no_truncate BEFORE TRUNCATE ON emulation_freeze
	FOR EACH STATEMENT EXECUTE FUNCTION emulation_frozen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER emulation_frozen_score_no_update_delete BEFORE UPDATE OR DELETE ON emulation_frozen_score
	FOR EACH ROW EXECUTE FUNCTION emulation_frozen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER emulation_frozen_score_no_truncate BEFORE TRUNCATE ON emulation_frozen_score
	FOR EACH STATEMENT EXECUTE FUNCTION emulation_frozen_refuse_change();
