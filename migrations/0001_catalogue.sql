CREATE TABLE "priorities" (
	"programme_id" text NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"policy_objective" text,
	"specific_objective" text,
	"name" jsonb NOT NULL,
	"document" jsonb NOT NULL,
	CONSTRAINT "priorities_programme_id_code_pk" PRIMARY KEY("programme_id","code")
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"interreg_strand" text,
	"status" text NOT NULL,
	"period_start" integer NOT NULL,
	"period_end" integer,
	"name" jsonb NOT NULL,
	"document" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"sectors" text[] NOT NULL,
	"applicant_types" text[] NOT NULL,
	"policy_objectives" text[] NOT NULL,
	"funding_rate_max" numeric,
	"search_names" text NOT NULL,
	"search_vector" "tsvector" NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "priorities" ADD CONSTRAINT "priorities_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "priorities_policy_objective_idx" ON "priorities" USING btree ("policy_objective");--> statement-breakpoint
CREATE INDEX "programmes_search_vector_idx" ON "programmes" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "programmes_search_names_trgm_idx" ON "programmes" USING gin ("search_names" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "programmes_sectors_idx" ON "programmes" USING gin ("sectors");--> statement-breakpoint
CREATE INDEX "programmes_applicant_types_idx" ON "programmes" USING gin ("applicant_types");--> statement-breakpoint
CREATE INDEX "programmes_policy_objectives_idx" ON "programmes" USING gin ("policy_objectives");--> statement-breakpoint
CREATE INDEX "programmes_kind_idx" ON "programmes" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "programmes_strand_idx" ON "programmes" USING btree ("interreg_strand");--> statement-breakpoint
CREATE INDEX "programmes_funding_rate_idx" ON "programmes" USING btree ("funding_rate_max");