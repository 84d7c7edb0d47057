CREATE TYPE "public"."canvas_template" AS ENUM('business-model', 'value-proposition', 'empathy-map', 'persona');--> statement-breakpoint
CREATE TABLE "canvases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"template" "canvas_template" NOT NULL,
	"title" text NOT NULL,
	"document" jsonb DEFAULT '{"blocks":{},"links":[]}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"segment_canvas_id" uuid,
	"segment_note_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "canvases_title_length" CHECK (length("canvases"."title") between 1 and 120),
	CONSTRAINT "canvases_version_positive" CHECK ("canvases"."version" > 0),
	CONSTRAINT "canvases_document_size" CHECK (octet_length("canvases"."document"::text) <= 300000)
);
--> statement-breakpoint
ALTER TABLE "canvases" ADD CONSTRAINT "canvases_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canvases" ADD CONSTRAINT "canvases_segment_canvas_id_canvases_id_fk" FOREIGN KEY ("segment_canvas_id") REFERENCES "public"."canvases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canvases" ADD CONSTRAINT "canvases_cohort_id_owner_id_memberships_cohort_id_user_id_fk" FOREIGN KEY ("cohort_id","owner_id") REFERENCES "public"."memberships"("cohort_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "canvases_owner_cohort_idx" ON "canvases" USING btree ("owner_id","cohort_id");--> statement-breakpoint
CREATE INDEX "canvases_cohort_id_idx" ON "canvases" USING btree ("cohort_id");--> statement-breakpoint
CREATE INDEX "canvases_segment_canvas_id_idx" ON "canvases" USING btree ("segment_canvas_id");