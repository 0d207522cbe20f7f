-- Trigram matching for fuzzy search (misspelt programme names). Both PGlite and PostgreSQL ship it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
