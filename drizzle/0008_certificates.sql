CREATE TABLE "certificate_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"source" text NOT NULL,
	"track_id" text NOT NULL,
	"file_name" text NOT NULL,
	"status" text DEFAULT 'preview' NOT NULL,
	"rows_encrypted" text NOT NULL,
	"counts" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_by" uuid,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "certificate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"track_id" text NOT NULL,
	"code" text NOT NULL,
	"basis" text NOT NULL,
	"source_id" text,
	"import_id" uuid,
	"issued_on" date NOT NULL,
	"issued_by" uuid,
	"status" text DEFAULT 'valid' NOT NULL,
	"revoked_reason" text,
	"revoked_by" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificate_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "certificate_import" ADD CONSTRAINT "certificate_import_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_import" ADD CONSTRAINT "certificate_import_track_id_learning_track_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."learning_track"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_import" ADD CONSTRAINT "certificate_import_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_import" ADD CONSTRAINT "certificate_import_committed_by_user_account_id_fk" FOREIGN KEY ("committed_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_track_id_learning_track_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."learning_track"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_import_id_certificate_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."certificate_import"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_issued_by_user_account_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_revoked_by_user_account_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificate_import_ward_id_created_at_index" ON "certificate_import" USING btree ("ward_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_one_valid_per_track" ON "certificate" USING btree ("resident_id","track_id") WHERE "certificate"."status" = 'valid';--> statement-breakpoint
CREATE INDEX "certificate_ward_id_issued_on_index" ON "certificate" USING btree ("ward_id","issued_on");--> statement-breakpoint
CREATE INDEX "certificate_resident_id_index" ON "certificate" USING btree ("resident_id");