CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "initiative_benefits" (
	"initiative_id" uuid NOT NULL,
	"benefit" text NOT NULL,
	"score" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "initiative_benefits_initiative_id_benefit_pk" PRIMARY KEY("initiative_id","benefit")
);
--> statement-breakpoint
CREATE TABLE "initiative_budget_lines" (
	"initiative_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"kind" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	CONSTRAINT "initiative_budget_lines_initiative_id_position_pk" PRIMARY KEY("initiative_id","position")
);
--> statement-breakpoint
CREATE TABLE "initiative_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"file_name" text,
	"media_type" text,
	"size" integer,
	"content" "bytea",
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"initiative_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"effective_date" date,
	"comment" text DEFAULT '' NOT NULL,
	"changes" jsonb
);
--> statement-breakpoint
CREATE TABLE "initiative_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"rows" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_partners" (
	"initiative_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"organisation_id" uuid,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"region" text,
	"lead" boolean DEFAULT false NOT NULL,
	CONSTRAINT "initiative_partners_initiative_id_position_pk" PRIMARY KEY("initiative_id","position")
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'idea' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"private" boolean DEFAULT false NOT NULL,
	"contact_user_id" uuid,
	"contact_name" text,
	"programme_id" text,
	"priority_code" text,
	"other_programme" text,
	"call_reference" text,
	"deadline" date,
	"start_date" date,
	"end_date" date,
	"currency" text DEFAULT 'NOK' NOT NULL,
	"budget_amount" numeric(16, 2),
	"grant_amount" numeric(16, 2),
	"own_share_amount" numeric(16, 2),
	"co_financing_amount" numeric(16, 2),
	"nok_rate" numeric(12, 6) DEFAULT '1' NOT NULL,
	"nok_rate_date" date,
	"hours_application" numeric(10, 1),
	"hours_project" numeric(10, 1),
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdg_goals" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"sdg_targets" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"external_ref" text,
	"import_batch_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('norwegian', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', coalesce(summary, '')), 'B') || setweight(to_tsvector('norwegian', coalesce(summary, '')), 'B')) STORED NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_benefits" ADD CONSTRAINT "initiative_benefits_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_budget_lines" ADD CONSTRAINT "initiative_budget_lines_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_documents" ADD CONSTRAINT "initiative_documents_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_documents" ADD CONSTRAINT "initiative_documents_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_events" ADD CONSTRAINT "initiative_events_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_events" ADD CONSTRAINT "initiative_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_imports" ADD CONSTRAINT "initiative_imports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_imports" ADD CONSTRAINT "initiative_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_partners" ADD CONSTRAINT "initiative_partners_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_partners" ADD CONSTRAINT "initiative_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_contact_user_id_users_id_fk" FOREIGN KEY ("contact_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_import_batch_id_initiative_imports_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."initiative_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_idx" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feeds_user_idx" ON "calendar_feeds" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "initiative_benefits_benefit_idx" ON "initiative_benefits" USING btree ("benefit");--> statement-breakpoint
CREATE INDEX "initiative_documents_initiative_idx" ON "initiative_documents" USING btree ("initiative_id","added_at");--> statement-breakpoint
CREATE INDEX "initiative_events_initiative_idx" ON "initiative_events" USING btree ("initiative_id","at");--> statement-breakpoint
CREATE INDEX "initiative_imports_organisation_idx" ON "initiative_imports" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "initiative_partners_organisation_idx" ON "initiative_partners" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "initiatives_organisation_idx" ON "initiatives" USING btree ("organisation_id","updated_at");--> statement-breakpoint
CREATE INDEX "initiatives_status_idx" ON "initiatives" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "initiatives_programme_idx" ON "initiatives" USING btree ("programme_id","priority_code");--> statement-breakpoint
CREATE INDEX "initiatives_deadline_idx" ON "initiatives" USING btree ("deadline") WHERE "initiatives"."deadline" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "initiatives_start_idx" ON "initiatives" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "initiatives_sectors_idx" ON "initiatives" USING gin ("sectors");--> statement-breakpoint
CREATE INDEX "initiatives_sdg_idx" ON "initiatives" USING gin ("sdg_goals");--> statement-breakpoint
CREATE INDEX "initiatives_search_idx" ON "initiatives" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "initiatives_title_trgm_idx" ON "initiatives" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "initiatives_external_ref_idx" ON "initiatives" USING btree ("organisation_id","external_ref") WHERE "initiatives"."external_ref" IS NOT NULL;