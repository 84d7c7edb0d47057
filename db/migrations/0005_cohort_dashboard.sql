CREATE TYPE "public"."audit_action" AS ENUM('review_reassigned', 'reviews_repaired', 'deadline_extended', 'student_excused', 'member_removed', 'instructor_added', 'role_changed', 'invite_regenerated', 'invite_disabled', 'invite_enabled', 'cohort_created', 'cohort_updated', 'paired_now');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"actor_id" uuid,
	"action" "audit_action" NOT NULL,
	"subject_id" uuid,
	"assignment_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_log_details_size" CHECK (octet_length("audit_log"."details"::text) <= 4000)
);
--> statement-breakpoint
CREATE TABLE "deadline_extensions" (
	"assignment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadline_extensions_assignment_id_user_id_pk" PRIMARY KEY("assignment_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "late" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "fit_score" real;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_subject_id_users_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_extensions" ADD CONSTRAINT "deadline_extensions_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_extensions" ADD CONSTRAINT "deadline_extensions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_extensions" ADD CONSTRAINT "deadline_extensions_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_cohort_created_idx" ON "audit_log" USING btree ("cohort_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deadline_extensions_user_id_idx" ON "deadline_extensions" USING btree ("user_id");--> statement-breakpoint
UPDATE "submissions" s SET "late" = v."late" FROM "submission_versions" v WHERE v."submission_id" = s."id" AND v."version" = 1;--> statement-breakpoint
UPDATE "submissions" s SET "fit_score" = f."score"
FROM (
  SELECT v."submission_id", avg((c->>'fit')::real) AS "score"
  FROM "submission_versions" v
  JOIN "submissions" s2 ON s2."id" = v."submission_id" AND v."version" = s2."current_version"
  CROSS JOIN jsonb_array_elements(v."canvases") c
  WHERE c->>'fit' IS NOT NULL
  GROUP BY v."submission_id"
) f
WHERE f."submission_id" = s."id";
