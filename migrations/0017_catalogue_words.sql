CREATE TABLE "catalogue_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "name_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_names)) STORED;--> statement-breakpoint
CREATE INDEX "catalogue_words_trgm_idx" ON "catalogue_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
-- The words of the names of programmes (in every language, short name and id) and of their priorities.
-- One definition, used by each import and by this migration for a catalogue imported before it.
CREATE FUNCTION refresh_catalogue_words() RETURNS void LANGUAGE sql AS $$
  DELETE FROM catalogue_words;
  INSERT INTO catalogue_words (word)
  SELECT DISTINCT u.lexeme
    FROM (SELECT to_tsvector('simple', search_names) AS names FROM programmes
          UNION ALL
          SELECT to_tsvector('simple', name) FROM priorities) AS n,
         unnest(n.names) AS u
   WHERE length(u.lexeme) >= 3 AND u.lexeme ~ '[^0-9]';
$$;
--> statement-breakpoint
SELECT refresh_catalogue_words();
