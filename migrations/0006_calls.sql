CREATE TABLE "calls" (
	"source" text NOT NULL,
	"id" text NOT NULL,
	"programme_id" text,
	"programme_name" text NOT NULL,
	"title" text NOT NULL,
	"call_identifier" text,
	"deadline" date,
	"status" text NOT NULL,
	"url" text,
	"budget_min_eur" numeric,
	"budget_max_eur" numeric,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_source_id_pk" PRIMARY KEY("source","id")
);
--> statement-breakpoint
CREATE INDEX "calls_programme_deadline_idx" ON "calls" USING btree ("programme_id","deadline");