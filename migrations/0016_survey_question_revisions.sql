CREATE TABLE "survey_question_revisions" (
	"round_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"revision" bigint NOT NULL,
	CONSTRAINT "survey_question_revisions_round_id_question_key_pk" PRIMARY KEY("round_id","question_key")
);
--> statement-breakpoint
ALTER TABLE "survey_question_revisions" ADD CONSTRAINT "survey_question_revisions_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Each statement on answers raises the revision of every (round, question) it touched, once. A round
-- being deleted (its answers go with it) gets none: its revisions go with it too.
CREATE FUNCTION survey_question_revisions_raise() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE 'INSERT INTO survey_question_revisions AS q (round_id, question_key, revision)
    SELECT DISTINCT c.round_id, c.question_key, 1 FROM ('
    || CASE TG_OP
         WHEN 'INSERT' THEN 'SELECT round_id, question_key FROM new_rows'
         WHEN 'DELETE' THEN 'SELECT round_id, question_key FROM old_rows'
         ELSE 'SELECT round_id, question_key FROM new_rows UNION SELECT round_id, question_key FROM old_rows'
       END || ') c
    WHERE EXISTS (SELECT 1 FROM survey_rounds r WHERE r.id = c.round_id)
    ORDER BY 1, 2
    ON CONFLICT (round_id, question_key) DO UPDATE SET revision = q.revision + 1';
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER survey_question_revisions_after_insert AFTER INSERT ON survey_answers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_question_revisions_raise();
--> statement-breakpoint
CREATE TRIGGER survey_question_revisions_after_update AFTER UPDATE ON survey_answers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_question_revisions_raise();
--> statement-breakpoint
CREATE TRIGGER survey_question_revisions_after_delete AFTER DELETE ON survey_answers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_question_revisions_raise();
--> statement-breakpoint
-- An invitee moved to another municipality or sector moves all its answers between cells: every
-- question of its round is counted again.
CREATE FUNCTION survey_question_revisions_follow_invitees() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE survey_question_revisions SET revision = revision + 1
   WHERE round_id IN (SELECT n.round_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                       WHERE (n.municipality_code, n.sector) IS DISTINCT FROM (o.municipality_code, o.sector));
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER survey_question_revisions_after_invitee_update AFTER UPDATE ON survey_invitees REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_question_revisions_follow_invitees();
--> statement-breakpoint
INSERT INTO survey_question_revisions (round_id, question_key, revision) SELECT DISTINCT round_id, question_key, 1 FROM survey_answers;
