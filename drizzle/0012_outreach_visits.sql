CREATE TABLE "outreach_visit_person" (
	"visit_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"actions" text[] DEFAULT '{}'::text[] NOT NULL,
	"vneid_level_seen" smallint,
	"resident_version_seen" integer,
	"vneid_result" text,
	"vneid_level_on_server" smallint,
	"dossier_follow_up_id" uuid,
	CONSTRAINT "outreach_visit_person_visit_id_resident_id_pk" PRIMARY KEY("visit_id","resident_id")
);
--> statement-breakpoint
CREATE TABLE "outreach_visit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ward_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"residential_group_id" uuid NOT NULL,
	"volunteer_user_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"next_visit_on" date,
	"note" text,
	"visited_at" timestamp with time zone NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"origin" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outreach_visit_person" ADD CONSTRAINT "outreach_visit_person_visit_id_outreach_visit_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."outreach_visit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_visit_person" ADD CONSTRAINT "outreach_visit_person_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_visit_person" ADD CONSTRAINT "outreach_visit_person_dossier_follow_up_id_dossier_follow_up_id_fk" FOREIGN KEY ("dossier_follow_up_id") REFERENCES "public"."dossier_follow_up"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_visit" ADD CONSTRAINT "outreach_visit_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_visit" ADD CONSTRAINT "outreach_visit_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_visit" ADD CONSTRAINT "outreach_visit_residential_group_id_residential_group_id_fk" FOREIGN KEY ("residential_group_id") REFERENCES "public"."residential_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_visit" ADD CONSTRAINT "outreach_visit_volunteer_user_id_user_account_id_fk" FOREIGN KEY ("volunteer_user_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outreach_visit_person_resident_id_index" ON "outreach_visit_person" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "outreach_visit_person_conflict_idx" ON "outreach_visit_person" USING btree ("visit_id") WHERE "outreach_visit_person"."vneid_result" = 'conflict';--> statement-breakpoint
CREATE INDEX "outreach_visit_household_id_visited_at_index" ON "outreach_visit" USING btree ("household_id","visited_at");--> statement-breakpoint
CREATE INDEX "outreach_visit_ward_id_volunteer_user_id_visited_at_index" ON "outreach_visit" USING btree ("ward_id","volunteer_user_id","visited_at");--> statement-breakpoint
CREATE INDEX "outreach_visit_residential_group_id_visited_at_index" ON "outreach_visit" USING btree ("residential_group_id","visited_at");--> statement-breakpoint
CREATE INDEX "outreach_visit_next_idx" ON "outreach_visit" USING btree ("residential_group_id","next_visit_on") WHERE "outreach_visit"."next_visit_on" is not null;