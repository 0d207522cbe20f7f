CREATE TABLE "initiative_tallies" (
	"organisation_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"private" boolean NOT NULL,
	"count" integer NOT NULL,
	"budget_nok" numeric(18, 2) NOT NULL,
	"grant_nok" numeric(18, 2) NOT NULL,
	"own_share_nok" numeric(18, 2) NOT NULL,
	"co_financing_nok" numeric(18, 2) NOT NULL,
	"hours_application" numeric(14, 1) NOT NULL,
	"hours_project" numeric(14, 1) NOT NULL,
	"score_sum" integer NOT NULL,
	CONSTRAINT "initiative_tallies_organisation_id_dimension_key_private_pk" PRIMARY KEY("organisation_id","dimension","key","private")
);
--> statement-breakpoint
ALTER TABLE "initiative_benefits" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "initiative_benefits" ADD COLUMN "private" boolean;--> statement-breakpoint
CREATE INDEX "initiative_tallies_empty_idx" ON "initiative_tallies" USING btree ("organisation_id") WHERE "initiative_tallies"."count" = 0;--> statement-breakpoint
-- The dashboard's tallies (see initiative_tallies in src/portfolio/tables.ts), kept by statement triggers
-- from the rows a statement changed: each changed row counts +1 as it is after and -1 as it was before.
-- `facts` is a query of (sign, organisation_id, private, dimension, key, the six sums, score); the upsert
-- adds them to the tallies in key order (so concurrent writers lock rows in the same order).
CREATE FUNCTION initiative_tally_upsert(facts text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($q$
  INSERT INTO initiative_tallies AS t (organisation_id, dimension, key, private, count, budget_nok, grant_nok, own_share_nok, co_financing_nok, hours_application, hours_project, score_sum)
  SELECT * FROM (
    SELECT organisation_id, dimension, key, private, sum(sign)::int AS count,
           sum(sign * coalesce(budget_nok, 0)) AS budget_nok, sum(sign * coalesce(grant_nok, 0)) AS grant_nok,
           sum(sign * coalesce(own_share_nok, 0)) AS own_share_nok, sum(sign * coalesce(co_financing_nok, 0)) AS co_financing_nok,
           sum(sign * coalesce(hours_application, 0)) AS hours_application, sum(sign * coalesce(hours_project, 0)) AS hours_project,
           sum(sign * coalesce(score, 0))::int AS score_sum
    FROM (%s) AS facts
    GROUP BY organisation_id, dimension, key, private
  ) AS delta
  WHERE count <> 0 OR budget_nok <> 0 OR grant_nok <> 0 OR own_share_nok <> 0 OR co_financing_nok <> 0
     OR hours_application <> 0 OR hours_project <> 0 OR score_sum <> 0
  ORDER BY organisation_id, dimension, key, private
  ON CONFLICT (organisation_id, dimension, key, private) DO UPDATE SET
    count = t.count + excluded.count, budget_nok = t.budget_nok + excluded.budget_nok, grant_nok = t.grant_nok + excluded.grant_nok,
    own_share_nok = t.own_share_nok + excluded.own_share_nok, co_financing_nok = t.co_financing_nok + excluded.co_financing_nok,
    hours_application = t.hours_application + excluded.hours_application, hours_project = t.hours_project + excluded.hours_project,
    score_sum = t.score_sum + excluded.score_sum
$q$, facts)
$fn$;
--> statement-breakpoint
-- An initiative counts once under its status, its programme (or the free name of another scheme), the
-- first year of its period (start, else deadline, else the day it was registered in Norway) and each of
-- its sectors. `changed` is a query of signed initiative rows.
CREATE FUNCTION initiative_tally_facts(changed text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($q$
  WITH changed AS (%s)
  SELECT c.sign, c.organisation_id, c.private, f.dimension, f.key, c.budget_nok, c.grant_nok, c.own_share_nok, c.co_financing_nok,
         c.hours_application, c.hours_project, 0 AS score
  FROM changed c
  CROSS JOIN LATERAL (VALUES
    ('status', c.status),
    (CASE WHEN c.programme_id IS NULL THEN 'other-programme' ELSE 'programme' END, coalesce(c.programme_id, c.other_programme, '')),
    ('year', extract(year FROM coalesce(c.start_date, c.deadline, (c.created_at AT TIME ZONE 'Europe/Oslo')::date))::int::text)
  ) AS f(dimension, key)
  UNION ALL
  SELECT c.sign, c.organisation_id, c.private, 'sector', s.sector, c.budget_nok, c.grant_nok, c.own_share_nok, c.co_financing_nok,
         c.hours_application, c.hours_project, 0
  FROM changed c CROSS JOIN LATERAL (SELECT DISTINCT unnest(c.sectors)) AS s(sector)
$q$, changed)
$fn$;
--> statement-breakpoint
-- A benefit counts under its name, with its score (for the average).
CREATE FUNCTION benefit_tally_facts(changed text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($q$
  SELECT sign, organisation_id, private, 'benefit' AS dimension, benefit AS key, NULL::numeric AS budget_nok, NULL::numeric AS grant_nok,
         NULL::numeric AS own_share_nok, NULL::numeric AS co_financing_nok, NULL::numeric AS hours_application, NULL::numeric AS hours_project, score
  FROM (%s) AS changed
$q$, changed)
$fn$;
--> statement-breakpoint
CREATE FUNCTION signed_transition_rows(operation text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
SELECT CASE operation
  WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
  WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM old_rows'
  ELSE 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows'
END
$fn$;
--> statement-breakpoint
CREATE FUNCTION initiative_tallies_follow() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE initiative_tally_upsert(CASE TG_TABLE_NAME
    WHEN 'initiatives' THEN initiative_tally_facts(signed_transition_rows(TG_OP))
    ELSE benefit_tally_facts(signed_transition_rows(TG_OP))
  END);
  DELETE FROM initiative_tallies WHERE count = 0;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
-- A benefit carries its initiative's organisation and private flag, so a benefit removed together with
-- its initiative can still be taken off the right tally.
CREATE FUNCTION initiative_benefits_copy_initiative() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  SELECT i.organisation_id, i.private INTO NEW.organisation_id, NEW.private FROM initiatives i WHERE i.id = NEW.initiative_id;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE FUNCTION initiatives_move_benefits() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE initiative_benefits SET organisation_id = NEW.organisation_id, private = NEW.private WHERE initiative_id = NEW.id;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
UPDATE initiative_benefits b SET organisation_id = i.organisation_id, private = i.private FROM initiatives i WHERE i.id = b.initiative_id;
--> statement-breakpoint
DO $do$ BEGIN
  EXECUTE initiative_tally_upsert(initiative_tally_facts('SELECT 1 AS sign, * FROM initiatives'));
  EXECUTE initiative_tally_upsert(benefit_tally_facts('SELECT 1 AS sign, * FROM initiative_benefits'));
END $do$;
--> statement-breakpoint
CREATE TRIGGER initiative_benefits_copy_initiative BEFORE INSERT OR UPDATE OF initiative_id ON initiative_benefits
  FOR EACH ROW EXECUTE FUNCTION initiative_benefits_copy_initiative();
--> statement-breakpoint
CREATE TRIGGER initiatives_move_benefits AFTER UPDATE OF organisation_id, private ON initiatives
  FOR EACH ROW WHEN (OLD.organisation_id IS DISTINCT FROM NEW.organisation_id OR OLD.private IS DISTINCT FROM NEW.private)
  EXECUTE FUNCTION initiatives_move_benefits();
--> statement-breakpoint
CREATE TRIGGER initiative_tallies_after_insert AFTER INSERT ON initiatives REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION initiative_tallies_follow();
--> statement-breakpoint
CREATE TRIGGER initiative_tallies_after_update AFTER UPDATE ON initiatives REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION initiative_tallies_follow();
--> statement-breakpoint
CREATE TRIGGER initiative_tallies_after_delete AFTER DELETE ON initiatives REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION initiative_tallies_follow();
--> statement-breakpoint
CREATE TRIGGER benefit_tallies_after_insert AFTER INSERT ON initiative_benefits REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION initiative_tallies_follow();
--> statement-breakpoint
CREATE TRIGGER benefit_tallies_after_update AFTER UPDATE ON initiative_benefits REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION initiative_tallies_follow();
--> statement-breakpoint
CREATE TRIGGER benefit_tallies_after_delete AFTER DELETE ON initiative_benefits REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION initiative_tallies_follow();
