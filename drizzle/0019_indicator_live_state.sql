CREATE TABLE "indicator_cell" (
	"ward_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"denominators" integer[] NOT NULL,
	"numerators" integer[] NOT NULL,
	CONSTRAINT "indicator_cell_ward_id_dimension_key_pk" PRIMARY KEY("ward_id","dimension","key")
);
--> statement-breakpoint
CREATE TABLE "indicator_dirty_resident" (
	"resident_id" uuid PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_live_state" (
	"ward_id" uuid PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"definitions_key" text NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_resident_flags" (
	"resident_id" uuid PRIMARY KEY NOT NULL,
	"ward_id" uuid NOT NULL,
	"group_id" uuid,
	"sex" text,
	"age_band" text NOT NULL,
	"target_groups" text[] NOT NULL,
	"organizations" uuid[] NOT NULL,
	"masks" bigint[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_cell" ADD CONSTRAINT "indicator_cell_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_live_state" ADD CONSTRAINT "indicator_live_state_ward_id_ward_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."ward"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_resident_flags_ward_id_index" ON "indicator_resident_flags" USING btree ("ward_id");--> statement-breakpoint
-- Residents whose indicator flags a statement may have changed (decision 022). One function per way of
-- finding the resident from the changed rows; every table an indicator condition or breakdown reads has
-- its three triggers below (live-indicators.test.ts checks the list against the condition kinds).
CREATE OR REPLACE FUNCTION indicator_mark_dirty(resident_ids uuid[]) RETURNS void LANGUAGE sql AS $$
	-- DO UPDATE, not DO NOTHING: the row lock makes a look that is taking this note wait for the writer's
	-- commit, so it recomputes the resident from the committed change, never from the state before it.
	INSERT INTO indicator_dirty_resident (resident_id)
	SELECT DISTINCT id FROM unnest(resident_ids) AS u(id) WHERE id IS NOT NULL
	ON CONFLICT (resident_id) DO UPDATE SET resident_id = excluded.resident_id;
$$;
--> statement-breakpoint
-- Tables with a resident_id column.
CREATE OR REPLACE FUNCTION indicator_dirty_by_resident_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM indicator_mark_dirty(array(SELECT n.resident_id FROM new_rows n));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM indicator_mark_dirty(array(SELECT o.resident_id FROM old_rows o));
	ELSE
		PERFORM indicator_mark_dirty(array(SELECT n.resident_id FROM new_rows n UNION SELECT o.resident_id FROM old_rows o));
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
-- The resident row itself. A deleted or erased resident's flags are deleted at once (nothing of theirs is
-- left behind, even in a ward nobody looks at) and the ward is rebuilt at the next look; so is a ward a
-- resident moves into or out of.
CREATE OR REPLACE FUNCTION indicator_dirty_on_resident() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM indicator_mark_dirty(array(SELECT n.id FROM new_rows n));
	ELSIF TG_OP = 'DELETE' THEN
		DELETE FROM indicator_resident_flags WHERE resident_id IN (SELECT o.id FROM old_rows o);
		DELETE FROM indicator_live_state WHERE ward_id IN (SELECT o.ward_id FROM old_rows o);
	ELSE
		PERFORM indicator_mark_dirty(array(SELECT n.id FROM new_rows n));
		-- Erasure (anonymised_at set): the kept copy of the person's keys goes now, not at the next look.
		DELETE FROM indicator_resident_flags WHERE resident_id IN (
			SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
			WHERE o.anonymised_at IS NULL AND n.anonymised_at IS NOT NULL);
		IF FOUND THEN
			DELETE FROM indicator_live_state WHERE ward_id IN (
				SELECT n.ward_id FROM old_rows o JOIN new_rows n ON n.id = o.id
				WHERE o.anonymised_at IS NULL AND n.anonymised_at IS NOT NULL);
		END IF;
		DELETE FROM indicator_live_state WHERE ward_id IN (
			SELECT o.ward_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.ward_id <> o.ward_id
			UNION SELECT n.ward_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.ward_id <> o.ward_id);
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
-- An organisation's kind (or ward) decides who counts as its staff: all its members are recomputed.
CREATE OR REPLACE FUNCTION indicator_dirty_on_organization() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM indicator_mark_dirty(array(
		SELECT m.resident_id FROM organization_membership m
		WHERE m.organization_id IN (SELECT n.id FROM new_rows n)));
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_dirty_on_learning_summary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM indicator_mark_dirty(array(
			SELECT l.resident_id FROM learner l WHERE l.id IN (SELECT n.learner_id FROM new_rows n)));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM indicator_mark_dirty(array(
			SELECT l.resident_id FROM learner l WHERE l.id IN (SELECT o.learner_id FROM old_rows o)));
	ELSE
		PERFORM indicator_mark_dirty(array(
			SELECT l.resident_id FROM learner l
			WHERE l.id IN (SELECT n.learner_id FROM new_rows n UNION SELECT o.learner_id FROM old_rows o)));
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_dirty_on_oral_result() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM indicator_mark_dirty(array(
			SELECT a.resident_id FROM oral_assessment a WHERE a.id IN (SELECT n.oral_assessment_id FROM new_rows n)));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM indicator_mark_dirty(array(
			SELECT a.resident_id FROM oral_assessment a WHERE a.id IN (SELECT o.oral_assessment_id FROM old_rows o)));
	ELSE
		PERFORM indicator_mark_dirty(array(
			SELECT a.resident_id FROM oral_assessment a
			WHERE a.id IN (SELECT n.oral_assessment_id FROM new_rows n UNION SELECT o.oral_assessment_id FROM old_rows o)));
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
-- An item whose kind or course changes changes what its confirmed results count for.
CREATE OR REPLACE FUNCTION indicator_dirty_on_assessment_item() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM indicator_mark_dirty(array(
		SELECT a.resident_id FROM oral_assessment_result r JOIN oral_assessment a ON a.id = r.oral_assessment_id
		WHERE r.item_id IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
			WHERE n.kind IS DISTINCT FROM o.kind OR n.course_id IS DISTINCT FROM o.course_id)));
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_insert AFTER INSERT ON resident
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_on_resident();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_update AFTER UPDATE ON resident
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_on_resident();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_delete AFTER DELETE ON resident
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_on_resident();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_update AFTER UPDATE ON organization
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_on_organization();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_update AFTER UPDATE ON assessment_item
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_on_assessment_item();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_insert AFTER INSERT ON resident_target_group
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_by_resident_id();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_update AFTER UPDATE ON resident_target_group
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_by_resident_id();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_delete AFTER DELETE ON resident_target_group
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_by_resident_id();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_insert AFTER INSERT ON organization_membership
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_by_resident_id();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_update AFTER UPDATE ON organization_membership
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_by_resident_id();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_delete AFTER DELETE ON organization_membership
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_by_resident_id();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_insert AFTER INSERT ON learner
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_by_resident_id();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_update AFTER UPDATE ON learner
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_by_resident_id();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_delete AFTER DELETE ON learner
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_by_resident_id();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_insert AFTER INSERT ON certificate
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_by_resident_id();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_update AFTER UPDATE ON certificate
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_by_resident_id();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_delete AFTER DELETE ON certificate
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_by_resident_id();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_insert AFTER INSERT ON oral_assessment
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_by_resident_id();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_update AFTER UPDATE ON oral_assessment
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_by_resident_id();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_delete AFTER DELETE ON oral_assessment
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_by_resident_id();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_insert AFTER INSERT ON learner_learning_summary
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_on_learning_summary();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_update AFTER UPDATE ON learner_learning_summary
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_on_learning_summary();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_delete AFTER DELETE ON learner_learning_summary
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_on_learning_summary();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_insert AFTER INSERT ON oral_assessment_result
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_on_oral_result();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_update AFTER UPDATE ON oral_assessment_result
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_on_oral_result();
--> statement-breakpoint
CREATE TRIGGER indicator_dirty_after_delete AFTER DELETE ON oral_assessment_result
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_on_oral_result();
