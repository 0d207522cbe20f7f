ALTER TABLE "survey_rounds" ADD COLUMN "answers_revision" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- A statement that changes a round's answers, invitees or questions raises the round's revision once,
-- in its own transaction: the summary computed at a revision is good until the next.
CREATE FUNCTION survey_rounds_raise_answers_revision() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE 'UPDATE survey_rounds SET answers_revision = answers_revision + 1 WHERE id IN ('
    || CASE TG_OP
         WHEN 'INSERT' THEN 'SELECT round_id FROM new_rows'
         WHEN 'DELETE' THEN 'SELECT round_id FROM old_rows'
         ELSE 'SELECT round_id FROM new_rows UNION SELECT round_id FROM old_rows'
       END || ')';
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER survey_answers_after_insert AFTER INSERT ON survey_answers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_rounds_raise_answers_revision();
--> statement-breakpoint
CREATE TRIGGER survey_answers_after_update AFTER UPDATE ON survey_answers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_rounds_raise_answers_revision();
--> statement-breakpoint
CREATE TRIGGER survey_answers_after_delete AFTER DELETE ON survey_answers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_rounds_raise_answers_revision();
--> statement-breakpoint
CREATE TRIGGER survey_invitees_after_insert AFTER INSERT ON survey_invitees REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_rounds_raise_answers_revision();
--> statement-breakpoint
CREATE TRIGGER survey_invitees_after_update AFTER UPDATE ON survey_invitees REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_rounds_raise_answers_revision();
--> statement-breakpoint
CREATE TRIGGER survey_invitees_after_delete AFTER DELETE ON survey_invitees REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_rounds_raise_answers_revision();
--> statement-breakpoint
CREATE TRIGGER survey_questions_after_insert AFTER INSERT ON survey_questions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_rounds_raise_answers_revision();
--> statement-breakpoint
CREATE TRIGGER survey_questions_after_update AFTER UPDATE ON survey_questions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_rounds_raise_answers_revision();
--> statement-breakpoint
CREATE TRIGGER survey_questions_after_delete AFTER DELETE ON survey_questions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_rounds_raise_answers_revision();
