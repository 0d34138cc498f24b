CREATE TABLE "dossier_follow_up" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"procedure_code" text NOT NULL,
	"dossier_code" text NOT NULL,
	"filed_on" date NOT NULL,
	"residential_group_id" uuid,
	"recorded_by_user_id" uuid NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_status_update" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"follow_up_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by_user_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"national_imported_at" timestamp with time zone,
	"national_record_count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_document" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"format" text NOT NULL,
	"source_url" text,
	"content_hash" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_embedding" (
	"item_id" text NOT NULL,
	"model" text NOT NULL,
	"content_hash" text NOT NULL,
	"vector" real[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_embedding_item_id_model_pk" PRIMARY KEY("item_id","model")
);
--> statement-breakpoint
CREATE TABLE "procedure_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_code" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reason" text,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_synonym" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phrase" text NOT NULL,
	"phrase_folded" text NOT NULL,
	"expansion" text NOT NULL,
	"note" text,
	"origin" text DEFAULT 'staff' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure" (
	"code" text PRIMARY KEY NOT NULL,
	"national" jsonb NOT NULL,
	"national_hash" text NOT NULL,
	"source_url" text NOT NULL,
	"ministry" text DEFAULT '' NOT NULL,
	"overrides" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"handled_at_ward" boolean NOT NULL,
	"handled_at_ward_source" text DEFAULT 'national' NOT NULL,
	"local_note" text DEFAULT '' NOT NULL,
	"keywords" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_practice_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"step" text NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assistant_question" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"question" text NOT NULL,
	"redacted" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outcome" text NOT NULL,
	"top_source_id" text,
	"top_score" real,
	"source_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"used_model" boolean DEFAULT false NOT NULL,
	"model_fallback" text,
	"latency_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assistant_setting" (
	"ward_id" uuid PRIMARY KEY NOT NULL,
	"contact_text" text NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossier_follow_up" ADD CONSTRAINT "dossier_follow_up_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_follow_up" ADD CONSTRAINT "dossier_follow_up_procedure_code_procedure_code_fk" FOREIGN KEY ("procedure_code") REFERENCES "public"."procedure"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_follow_up" ADD CONSTRAINT "dossier_follow_up_residential_group_id_residential_group_id_fk" FOREIGN KEY ("residential_group_id") REFERENCES "public"."residential_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_follow_up" ADD CONSTRAINT "dossier_follow_up_recorded_by_user_id_user_account_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_status_update" ADD CONSTRAINT "dossier_status_update_follow_up_id_dossier_follow_up_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."dossier_follow_up"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_status_update" ADD CONSTRAINT "dossier_status_update_by_user_id_user_account_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_revision" ADD CONSTRAINT "procedure_revision_procedure_code_procedure_code_fk" FOREIGN KEY ("procedure_code") REFERENCES "public"."procedure"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_revision" ADD CONSTRAINT "procedure_revision_actor_user_id_user_account_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_synonym" ADD CONSTRAINT "procedure_synonym_created_by_user_id_user_account_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_practice_progress" ADD CONSTRAINT "ai_practice_progress_user_id_user_account_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistant_setting" ADD CONSTRAINT "assistant_setting_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistant_setting" ADD CONSTRAINT "assistant_setting_updated_by_user_id_user_account_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_follow_up_ward_id_status_updated_at_index" ON "dossier_follow_up" USING btree ("ward_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "dossier_follow_up_recorded_by_user_id_index" ON "dossier_follow_up" USING btree ("recorded_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_follow_up_ward_id_dossier_code_index" ON "dossier_follow_up" USING btree ("ward_id","dossier_code");--> statement-breakpoint
CREATE INDEX "dossier_status_update_follow_up_id_at_index" ON "dossier_status_update" USING btree ("follow_up_id","at");--> statement-breakpoint
CREATE INDEX "procedure_revision_procedure_code_at_index" ON "procedure_revision" USING btree ("procedure_code","at");--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_synonym_phrase_folded_expansion_index" ON "procedure_synonym" USING btree ("phrase_folded","expansion");--> statement-breakpoint
CREATE INDEX "procedure_handled_at_ward_index" ON "procedure" USING btree ("handled_at_ward");--> statement-breakpoint
CREATE UNIQUE INDEX "ai_practice_progress_user_id_step_index" ON "ai_practice_progress" USING btree ("user_id","step");--> statement-breakpoint
CREATE INDEX "assistant_question_asked_at_index" ON "assistant_question" USING btree ("asked_at");--> statement-breakpoint
CREATE INDEX "assistant_question_outcome_asked_at_index" ON "assistant_question" USING btree ("outcome","asked_at");