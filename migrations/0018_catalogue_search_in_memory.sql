DROP INDEX "catalogue_words_trgm_idx";--> statement-breakpoint
DROP INDEX "priorities_policy_objective_idx";--> statement-breakpoint
DROP INDEX "programmes_search_vector_idx";--> statement-breakpoint
DROP INDEX "programmes_search_names_trgm_idx";--> statement-breakpoint
DROP INDEX "programmes_sectors_idx";--> statement-breakpoint
DROP INDEX "programmes_applicant_types_idx";--> statement-breakpoint
DROP INDEX "programmes_policy_objectives_idx";--> statement-breakpoint
DROP INDEX "programmes_kind_idx";--> statement-breakpoint
DROP INDEX "programmes_strand_idx";--> statement-breakpoint
DROP INDEX "programmes_funding_rate_idx";