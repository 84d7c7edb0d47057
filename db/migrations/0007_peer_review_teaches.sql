CREATE TYPE "public"."anonymity_mode" AS ENUM('named', 'reviewers', 'double');--> statement-breakpoint
CREATE TYPE "public"."calibration_mode" AS ENUM('off', 'optional', 'required');--> statement-breakpoint
CREATE TYPE "public"."grade_aggregate" AS ENUM('mean', 'median');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'review_sent_back';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'review_revising';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'pool_offer';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'grades_released';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'review_sent_back';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'grade_overridden';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'grade_override_removed';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'grades_released';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'grades_withdrawn';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'submission_assessed';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'calibration_example_saved';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'calibration_example_deleted';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'pool_taken';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'pool_assigned';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'pool_offered';--> statement-breakpoint
CREATE TABLE "calibration_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"example_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"standout" text DEFAULT '' NOT NULL,
	"accuracy" real NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calibration_attempts_example_user_unique" UNIQUE("example_id","user_id"),
	CONSTRAINT "calibration_attempts_accuracy_range" CHECK ("calibration_attempts"."accuracy" between 0 and 1),
	CONSTRAINT "calibration_attempts_standout_length" CHECK (length("calibration_attempts"."standout") <= 5000)
);
--> statement-breakpoint
CREATE TABLE "calibration_examples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"title" text NOT NULL,
	"canvases" jsonb NOT NULL,
	"scores" jsonb NOT NULL,
	"standout" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calibration_examples_title_length" CHECK (length("calibration_examples"."title") between 1 and 200),
	CONSTRAINT "calibration_examples_standout_length" CHECK (length("calibration_examples"."standout") <= 5000),
	CONSTRAINT "calibration_examples_size" CHECK (octet_length("calibration_examples"."canvases"::text) <= 2000000)
);
--> statement-breakpoint
CREATE TABLE "grade_overrides" (
	"assignment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"points" real NOT NULL,
	"reason" text NOT NULL,
	"by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grade_overrides_assignment_id_user_id_pk" PRIMARY KEY("assignment_id","user_id"),
	CONSTRAINT "grade_overrides_points_range" CHECK ("grade_overrides"."points" between 0 and 100),
	CONSTRAINT "grade_overrides_reason_length" CHECK (length("grade_overrides"."reason") between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "instructor_assessments" (
	"submission_id" uuid PRIMARY KEY NOT NULL,
	"assignment_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instructor_assessments_comment_length" CHECK (length("instructor_assessments"."comment") <= 5000)
);
--> statement-breakpoint
CREATE TABLE "self_assessments" (
	"assignment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_assessments_assignment_id_user_id_pk" PRIMARY KEY("assignment_id","user_id"),
	CONSTRAINT "self_assessments_comment_length" CHECK (length("self_assessments"."comment") <= 5000)
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "anonymity" "anonymity_mode" DEFAULT 'named' NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "min_comment_chars" integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "min_summary_chars" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "calibration" "calibration_mode" DEFAULT 'off' NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "self_assessment" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "grade_aggregate" "grade_aggregate" DEFAULT 'mean' NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "grade_weights" jsonb DEFAULT '{"submission":60,"reviewing":20,"calibration":10,"helpfulness":10}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "grades_released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "helpfulness_comment" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "sent_back_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "sent_back_note" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "sent_back_by_id" uuid;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "sent_back_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "calibration_attempts" ADD CONSTRAINT "calibration_attempts_example_id_calibration_examples_id_fk" FOREIGN KEY ("example_id") REFERENCES "public"."calibration_examples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_attempts" ADD CONSTRAINT "calibration_attempts_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_attempts" ADD CONSTRAINT "calibration_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_examples" ADD CONSTRAINT "calibration_examples_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_examples" ADD CONSTRAINT "calibration_examples_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_overrides" ADD CONSTRAINT "grade_overrides_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_overrides" ADD CONSTRAINT "grade_overrides_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_overrides" ADD CONSTRAINT "grade_overrides_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructor_assessments" ADD CONSTRAINT "instructor_assessments_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructor_assessments" ADD CONSTRAINT "instructor_assessments_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructor_assessments" ADD CONSTRAINT "instructor_assessments_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calibration_attempts_assignment_user_idx" ON "calibration_attempts" USING btree ("assignment_id","user_id");--> statement-breakpoint
CREATE INDEX "calibration_examples_assignment_idx" ON "calibration_examples" USING btree ("assignment_id","position");--> statement-breakpoint
CREATE INDEX "grade_overrides_user_id_idx" ON "grade_overrides" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "instructor_assessments_assignment_idx" ON "instructor_assessments" USING btree ("assignment_id");--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_sent_back_by_id_users_id_fk" FOREIGN KEY ("sent_back_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_min_comment_range" CHECK ("assignments"."min_comment_chars" between 0 and 1000);--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_min_summary_range" CHECK ("assignments"."min_summary_chars" between 0 and 2000);--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_helpfulness_comment_length" CHECK (length("reviews"."helpfulness_comment") <= 1000);--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_sent_back_note_length" CHECK ("reviews"."sent_back_note" is null or length("reviews"."sent_back_note") <= 2000);--> statement-breakpoint
UPDATE "assignments" SET "anonymity" = 'double' WHERE "anonymous";
