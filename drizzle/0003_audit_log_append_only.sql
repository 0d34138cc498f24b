-- The audit trail is append-only (issue 3): the database itself refuses UPDATE, DELETE and TRUNCATE on
-- audit_log, so a bug or a careless query cannot rewrite history. A database owner can still disable
-- the trigger; the hash chain (`hocvuso audit verify`) detects what such a person changes.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_log is append-only (nhật ký kiểm tra chỉ được ghi thêm)'
		USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
	FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
