CREATE TABLE "survey_answers" (
	"invitee_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"round_id" uuid NOT NULL,
	"question_version" integer NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_answers_invitee_id_question_key_pk" PRIMARY KEY("invitee_id","question_key")
);
--> statement-breakpoint
CREATE TABLE "survey_invitees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"organisation_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"municipality_code" text,
	"sector" text,
	"language" text,
	"token_hash" text NOT NULL,
	"invited_at" timestamp with time zone,
	"last_sent_at" timestamp with time zone,
	"reminders_sent" smallint DEFAULT 0 NOT NULL,
	"first_answered_at" timestamp with time zone,
	"last_answered_at" timestamp with time zone,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "survey_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"position" integer NOT NULL,
	"section" text DEFAULT '' NOT NULL,
	"type" text NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "survey_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"introduction" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone NOT NULL,
	"reminder_days" smallint[] DEFAULT '{7,2}'::smallint[] NOT NULL,
	"min_group_size" smallint DEFAULT 3 NOT NULL,
	"retention_until" timestamp with time zone NOT NULL,
	"language" text DEFAULT 'nb' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_invitee_id_survey_invitees_id_fk" FOREIGN KEY ("invitee_id") REFERENCES "public"."survey_invitees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitees" ADD CONSTRAINT "survey_invitees_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitees" ADD CONSTRAINT "survey_invitees_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_answers_round_idx" ON "survey_answers" USING btree ("round_id","question_key");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitees_token_idx" ON "survey_invitees" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "survey_invitees_round_idx" ON "survey_invitees" USING btree ("round_id","municipality_code","sector");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitees_email_idx" ON "survey_invitees" USING btree ("round_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "survey_questions_version_idx" ON "survey_questions" USING btree ("round_id","key","version");--> statement-breakpoint
CREATE INDEX "survey_questions_round_idx" ON "survey_questions" USING btree ("round_id","position");--> statement-breakpoint
CREATE INDEX "survey_rounds_organisation_idx" ON "survey_rounds" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "survey_rounds_retention_idx" ON "survey_rounds" USING btree ("retention_until");