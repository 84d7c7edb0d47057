CREATE TYPE "public"."email_status" AS ENUM('none', 'pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."reminder_kind" AS ENUM('submission', 'review');--> statement-breakpoint
CREATE TYPE "public"."pairing_trigger" AS ENUM('deadline', 'instructor', 'rolling');--> statement-breakpoint
CREATE TYPE "public"."review_kind" AS ENUM('duty', 'extra');--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('assigned', 'draft', 'submitted', 'expired');--> statement-breakpoint
CREATE TABLE "excusals" (
	"assignment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "excusals_assignment_id_user_id_pk" PRIMARY KEY("assignment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "pairings" (
	"assignment_id" uuid PRIMARY KEY NOT NULL,
	"seed" text NOT NULL,
	"cycle" jsonb NOT NULL,
	"outside" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"repeats" integer DEFAULT 0 NOT NULL,
	"trigger" "pairing_trigger" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pairings_repeats_nonnegative" CHECK ("pairings"."repeats" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"assignment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "reminder_kind" NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_assignment_id_user_id_kind_pk" PRIMARY KEY("assignment_id","user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"kind" "review_kind" DEFAULT 'duty' NOT NULL,
	"status" "review_status" DEFAULT 'assigned' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"standout" text DEFAULT '' NOT NULL,
	"anchors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reviewed_version" integer,
	"post_id" uuid,
	"helpfulness" integer,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"expired_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_reviewer_submission_unique" UNIQUE("reviewer_id","submission_id"),
	CONSTRAINT "reviews_not_self" CHECK ("reviews"."reviewer_id" <> "reviews"."author_id"),
	CONSTRAINT "reviews_helpfulness_range" CHECK ("reviews"."helpfulness" is null or "reviews"."helpfulness" between 1 and 5),
	CONSTRAINT "reviews_version_positive" CHECK ("reviews"."version" > 0),
	CONSTRAINT "reviews_standout_length" CHECK (length("reviews"."standout") <= 5000),
	CONSTRAINT "reviews_submitted_has_time" CHECK ("reviews"."status" <> 'submitted' or "reviews"."submitted_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "assignment_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "count" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "deadline_kind" "reminder_kind";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_status" "email_status" DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "emailed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "paired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "excusals" ADD CONSTRAINT "excusals_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excusals" ADD CONSTRAINT "excusals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excusals" ADD CONSTRAINT "excusals_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_post_id_forum_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_submission_fk" FOREIGN KEY ("submission_id","assignment_id","cohort_id","author_id") REFERENCES "public"."submissions"("id","assignment_id","cohort_id","author_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "excusals_user_id_idx" ON "excusals" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "reminders_user_id_idx" ON "reminders" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_post_unique" ON "reviews" USING btree ("post_id") WHERE "reviews"."post_id" is not null;--> statement-breakpoint
CREATE INDEX "reviews_submission_id_idx" ON "reviews" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "reviews_assignment_status_idx" ON "reviews" USING btree ("assignment_id","status");--> statement-breakpoint
CREATE INDEX "reviews_due_open_idx" ON "reviews" USING btree ("due_at") WHERE "reviews"."status" in ('assigned', 'draft');--> statement-breakpoint
CREATE INDEX "notifications_email_pending_idx" ON "notifications" USING btree ("created_at") WHERE "notifications"."email_status" = 'pending';--> statement-breakpoint
CREATE INDEX "notifications_thread_id_idx" ON "notifications" USING btree ("thread_id") WHERE "notifications"."thread_id" is not null;--> statement-breakpoint
CREATE INDEX "notifications_post_id_idx" ON "notifications" USING btree ("post_id") WHERE "notifications"."post_id" is not null;--> statement-breakpoint
CREATE INDEX "notifications_email_idx" ON "notifications" USING btree ("created_at") WHERE "notifications"."email_status" <> 'none';--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_deadline_kind" CHECK (("notifications"."kind" = 'deadline') = ("notifications"."deadline_kind" is not null));