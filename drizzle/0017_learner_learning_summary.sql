CREATE TABLE "learner_learning_summary" (
	"learner_id" uuid PRIMARY KEY NOT NULL,
	"lessons_completed_at" timestamp with time zone[] NOT NULL,
	"courses_finished" text[] NOT NULL,
	"courses_finished_at" timestamp with time zone[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "learner_learning_summary" ADD CONSTRAINT "learner_learning_summary_learner_id_learner_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The summary rows of these learners, recomputed from lesson_progress and the lessons published now; a
-- learner with no completed published lesson has no row.
CREATE OR REPLACE FUNCTION learner_learning_summary_refresh(learner_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
	DELETE FROM learner_learning_summary WHERE learner_id = ANY (learner_ids);
	WITH who AS (SELECT DISTINCT id FROM unnest(learner_ids) AS x(id)),
	done AS (
		SELECT lp.learner_id, l.course_id, lp.completed_at
		FROM who
		JOIN lesson_progress lp ON lp.learner_id = who.id
		JOIN learning_lesson l ON l.id = lp.lesson_id AND l.status = 'published'
		WHERE lp.status = 'completed' AND lp.completed_at IS NOT NULL
	),
	course_size AS (
		SELECT course_id, count(*) AS lessons FROM learning_lesson WHERE status = 'published' GROUP BY course_id
	),
	finished AS (
		SELECT per_course.learner_id,
			array_agg(per_course.course_id ORDER BY per_course.last_at, per_course.course_id) AS courses,
			array_agg(per_course.last_at ORDER BY per_course.last_at, per_course.course_id) AS finished_at
		FROM (
			SELECT learner_id, course_id, count(*) AS lessons, max(completed_at) AS last_at
			FROM done GROUP BY learner_id, course_id
		) per_course
		JOIN course_size ON course_size.course_id = per_course.course_id AND per_course.lessons >= course_size.lessons
		GROUP BY per_course.learner_id
	)
	INSERT INTO learner_learning_summary (learner_id, lessons_completed_at, courses_finished, courses_finished_at)
	SELECT lessons.learner_id, lessons.completed_at, coalesce(finished.courses, '{}'), coalesce(finished.finished_at, '{}')
	FROM (SELECT learner_id, array_agg(completed_at ORDER BY completed_at) AS completed_at FROM done GROUP BY learner_id) lessons
	LEFT JOIN finished ON finished.learner_id = lessons.learner_id;
$$;
--> statement-breakpoint
-- After each statement on lesson_progress: only rows whose completion changed matter (opening a lesson
-- again or saving the reading position leaves the summary alone).
CREATE OR REPLACE FUNCTION learner_learning_summary_on_progress() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	learner_ids uuid[];
BEGIN
	IF TG_OP = 'INSERT' THEN
		SELECT array_agg(DISTINCT n.learner_id) INTO learner_ids FROM new_rows n WHERE n.status = 'completed';
	ELSIF TG_OP = 'DELETE' THEN
		SELECT array_agg(DISTINCT o.learner_id) INTO learner_ids FROM old_rows o WHERE o.status = 'completed';
	ELSE
		SELECT array_agg(DISTINCT c.learner_id) INTO learner_ids
		FROM (
			SELECT n.learner_id FROM new_rows n
			LEFT JOIN old_rows o ON o.learner_id = n.learner_id AND o.lesson_id = n.lesson_id
			WHERE o.learner_id IS NULL OR o.status IS DISTINCT FROM n.status
				OR o.completed_at IS DISTINCT FROM n.completed_at
			UNION ALL
			SELECT o.learner_id FROM old_rows o
			LEFT JOIN new_rows n ON n.learner_id = o.learner_id AND n.lesson_id = o.lesson_id
			WHERE n.learner_id IS NULL
		) c;
	END IF;
	IF learner_ids IS NOT NULL THEN
		PERFORM learner_learning_summary_refresh(learner_ids);
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER learner_learning_summary_after_insert AFTER INSERT ON lesson_progress
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION learner_learning_summary_on_progress();
--> statement-breakpoint
CREATE TRIGGER learner_learning_summary_after_update AFTER UPDATE ON lesson_progress
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION learner_learning_summary_on_progress();
--> statement-breakpoint
CREATE TRIGGER learner_learning_summary_after_delete AFTER DELETE ON lesson_progress
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION learner_learning_summary_on_progress();
--> statement-breakpoint
-- A lesson published, withdrawn, added to or moved between courses changes what its courses' learners
-- have finished: everyone who completed a lesson of a course touched (before or after) is recomputed.
CREATE OR REPLACE FUNCTION learner_learning_summary_on_lesson() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	learner_ids uuid[];
BEGIN
	IF TG_OP = 'INSERT' THEN
		SELECT array_agg(DISTINCT lp.learner_id) INTO learner_ids
		FROM (SELECT DISTINCT course_id FROM new_rows WHERE status = 'published') changed
		JOIN learning_lesson l ON l.course_id = changed.course_id
		JOIN lesson_progress lp ON lp.lesson_id = l.id AND lp.status = 'completed';
	ELSE
		SELECT array_agg(DISTINCT lp.learner_id) INTO learner_ids
		FROM (
			SELECT n.id, n.course_id AS new_course, o.course_id AS old_course
			FROM new_rows n JOIN old_rows o ON o.id = n.id
			WHERE o.status IS DISTINCT FROM n.status OR o.course_id IS DISTINCT FROM n.course_id
		) changed
		JOIN learning_lesson l ON l.course_id IN (changed.new_course, changed.old_course)
		JOIN lesson_progress lp ON lp.lesson_id = l.id AND lp.status = 'completed';
	END IF;
	IF learner_ids IS NOT NULL THEN
		PERFORM learner_learning_summary_refresh(learner_ids);
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER learner_learning_summary_after_lesson_insert AFTER INSERT ON learning_lesson
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION learner_learning_summary_on_lesson();
--> statement-breakpoint
CREATE TRIGGER learner_learning_summary_after_lesson_update AFTER UPDATE ON learning_lesson
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION learner_learning_summary_on_lesson();
--> statement-breakpoint
-- What was learnt before this migration.
SELECT learner_learning_summary_refresh(array_agg(DISTINCT learner_id))
FROM lesson_progress WHERE status = 'completed';
