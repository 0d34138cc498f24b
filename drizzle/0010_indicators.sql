CREATE TABLE "indicator_definition" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"explanation" text NOT NULL,
	"spec" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_snapshot" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"month" date NOT NULL,
	"as_of" date NOT NULL,
	"definition_version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"numerator" integer NOT NULL,
	"denominator" integer,
	"breakdowns" jsonb NOT NULL,
	"origin" text NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_definition" ADD CONSTRAINT "indicator_definition_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_definition" ADD CONSTRAINT "indicator_definition_updated_by_user_account_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_snapshot" ADD CONSTRAINT "indicator_snapshot_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_definition_ward_id_code_index" ON "indicator_definition" USING btree ("ward_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_snapshot_ward_id_indicator_code_month_index" ON "indicator_snapshot" USING btree ("ward_id","indicator_code","month");--> statement-breakpoint
CREATE INDEX "indicator_snapshot_ward_id_month_index" ON "indicator_snapshot" USING btree ("ward_id","month");--> statement-breakpoint
-- Snapshots are the ward's record of where it stood each month (issue 8): the database refuses to
-- rewrite them, like the audit log (0003). A month already taken is skipped, never replaced.
CREATE OR REPLACE FUNCTION indicator_snapshot_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'indicator_snapshot is append-only (số liệu chốt tháng không được sửa)'
		USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER indicator_snapshot_no_update_delete BEFORE UPDATE OR DELETE ON indicator_snapshot
	FOR EACH ROW EXECUTE FUNCTION indicator_snapshot_refuse_change();
--> statement-breakpoint
CREATE TRIGGER indicator_snapshot_no_truncate BEFORE TRUNCATE ON indicator_snapshot
	FOR EACH STATEMENT EXECUTE FUNCTION indicator_snapshot_refuse_change();
