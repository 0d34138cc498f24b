CREATE TABLE "audit_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"ward_id" uuid,
	"actor_user_id" uuid,
	"actor_label" text,
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"ip" text,
	"request_id" text,
	"details" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "oidc_login_state" (
	"state" text PRIMARY KEY NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"return_to" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_secret" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "session_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "user_account" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"username" text,
	"display_name" text NOT NULL,
	"password_hash" text,
	"phone_hash" text,
	"resident_id" uuid,
	"personal_id_hash" text,
	"status" text DEFAULT 'active' NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"locale" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"residential_group_id" uuid NOT NULL,
	"code" text NOT NULL,
	"address" text,
	"poverty_status" text DEFAULT 'none' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_target_group" (
	"resident_id" uuid NOT NULL,
	"target_group_code" text NOT NULL,
	"source" text NOT NULL,
	"since" date,
	CONSTRAINT "resident_target_group_resident_id_target_group_code_pk" PRIMARY KEY("resident_id","target_group_code")
);
--> statement-breakpoint
CREATE TABLE "resident" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"household_id" uuid,
	"residential_group_id" uuid,
	"full_name" text NOT NULL,
	"search_name" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date,
	"birth_year" smallint NOT NULL,
	"personal_id_cipher" text,
	"personal_id_hash" text,
	"phone_cipher" text,
	"phone_hash" text,
	"relation_to_head" text,
	"ethnicity" text DEFAULT 'Kinh' NOT NULL,
	"has_disability" boolean DEFAULT false NOT NULL,
	"occupation" text,
	"residence" text DEFAULT 'permanent' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"status_changed_at" timestamp with time zone,
	"vneid_level" smallint DEFAULT 0 NOT NULL,
	"vneid_updated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_group" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"description_vi" text NOT NULL,
	"derivation" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization_membership" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"position" text,
	"started_on" date,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"residential_group_id" uuid,
	"parent_id" uuid,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "residential_group" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ward" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'ward' NOT NULL,
	"province_name" text NOT NULL,
	"province_id_code" text NOT NULL,
	"party_committee_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ward_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_user_id_user_account_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_account_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_account" ADD CONSTRAINT "user_account_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_account" ADD CONSTRAINT "user_account_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household" ADD CONSTRAINT "household_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household" ADD CONSTRAINT "household_residential_group_id_residential_group_id_fk" FOREIGN KEY ("residential_group_id") REFERENCES "public"."residential_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_target_group" ADD CONSTRAINT "resident_target_group_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_target_group" ADD CONSTRAINT "resident_target_group_target_group_code_target_group_code_fk" FOREIGN KEY ("target_group_code") REFERENCES "public"."target_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident" ADD CONSTRAINT "resident_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident" ADD CONSTRAINT "resident_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident" ADD CONSTRAINT "resident_residential_group_id_residential_group_id_fk" FOREIGN KEY ("residential_group_id") REFERENCES "public"."residential_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_membership" ADD CONSTRAINT "organization_membership_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_membership" ADD CONSTRAINT "organization_membership_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization" ADD CONSTRAINT "organization_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization" ADD CONSTRAINT "organization_residential_group_id_residential_group_id_fk" FOREIGN KEY ("residential_group_id") REFERENCES "public"."residential_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residential_group" ADD CONSTRAINT "residential_group_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_type_entity_id_index" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_user_id_index" ON "audit_log" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_index" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "role_assignment_user_id_index" ON "role_assignment" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_assignment_user_id_role_scope_kind_scope_id_index" ON "role_assignment" USING btree ("user_id","role","scope_kind","scope_id") WHERE "role_assignment"."scope_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "role_assignment_user_id_role_scope_kind_index" ON "role_assignment" USING btree ("user_id","role","scope_kind") WHERE "role_assignment"."scope_id" is null;--> statement-breakpoint
CREATE INDEX "session_user_id_index" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "session_expires_at_index" ON "session" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "user_account_username_index" ON "user_account" USING btree ("username");--> statement-breakpoint
CREATE UNIQUE INDEX "user_account_phone_hash_index" ON "user_account" USING btree ("phone_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "user_account_personal_id_hash_index" ON "user_account" USING btree ("personal_id_hash");--> statement-breakpoint
CREATE INDEX "user_account_resident_id_index" ON "user_account" USING btree ("resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "household_ward_id_code_index" ON "household" USING btree ("ward_id","code");--> statement-breakpoint
CREATE INDEX "household_residential_group_id_index" ON "household" USING btree ("residential_group_id");--> statement-breakpoint
CREATE INDEX "resident_target_group_target_group_code_index" ON "resident_target_group" USING btree ("target_group_code");--> statement-breakpoint
CREATE INDEX "resident_ward_id_residential_group_id_index" ON "resident" USING btree ("ward_id","residential_group_id");--> statement-breakpoint
CREATE INDEX "resident_household_id_index" ON "resident" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resident_ward_id_personal_id_hash_index" ON "resident" USING btree ("ward_id","personal_id_hash");--> statement-breakpoint
CREATE INDEX "resident_phone_hash_index" ON "resident" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "resident_ward_id_search_name_index" ON "resident" USING btree ("ward_id","search_name");--> statement-breakpoint
CREATE INDEX "organization_membership_organization_id_index" ON "organization_membership" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "organization_membership_resident_id_index" ON "organization_membership" USING btree ("resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_membership_organization_id_resident_id_kind_index" ON "organization_membership" USING btree ("organization_id","resident_id","kind") WHERE "organization_membership"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "organization_ward_id_kind_index" ON "organization" USING btree ("ward_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "residential_group_ward_id_code_index" ON "residential_group" USING btree ("ward_id","code");