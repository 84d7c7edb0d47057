ALTER TYPE "public"."audit_action" ADD VALUE 'invitations_sent';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'invitation_resent';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'invitation_revoked';--> statement-breakpoint
CREATE TABLE "cohort_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"token" text NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone,
	"email_status" "email_status" DEFAULT 'pending' NOT NULL,
	"emailed_at" timestamp with time zone,
	"email_attempts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "cohort_invitations_token_unique" UNIQUE("token"),
	CONSTRAINT "cohort_invitations_email_lowercase" CHECK ("cohort_invitations"."email" = lower("cohort_invitations"."email") and length("cohort_invitations"."email") between 3 and 254),
	CONSTRAINT "cohort_invitations_name_length" CHECK (length("cohort_invitations"."name") between 1 and 120)
);
--> statement-breakpoint
ALTER TABLE "cohort_invitations" ADD CONSTRAINT "cohort_invitations_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_invitations" ADD CONSTRAINT "cohort_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_invitations" ADD CONSTRAINT "cohort_invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_invitations_cohort_email_idx" ON "cohort_invitations" USING btree ("cohort_id","email");--> statement-breakpoint
CREATE INDEX "cohort_invitations_email_pending_idx" ON "cohort_invitations" USING btree ("created_at") WHERE "cohort_invitations"."email_status" = 'pending';