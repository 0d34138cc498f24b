-- Accent-insensitive search (Vietnamese typed without diacritics) and typo-tolerant matching.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS resident_search_name_trgm_idx ON resident USING gin (search_name gin_trgm_ops);
