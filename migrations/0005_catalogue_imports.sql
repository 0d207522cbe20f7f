CREATE TABLE "catalogue_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"source_hash" text NOT NULL,
	"programmes" integer NOT NULL,
	"added" integer NOT NULL,
	"updated" integer NOT NULL,
	"removed" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "catalogue_imports_imported_at_idx" ON "catalogue_imports" USING btree ("imported_at");