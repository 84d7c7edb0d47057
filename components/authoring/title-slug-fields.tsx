"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { slugify } from "@/lib/validation/limits";

type Labels = { title: string; slug: string; slugHint: string };

/**
 * A title and the slug suggested from it. The slug follows the title until it is edited by hand,
 * and again once it is emptied.
 */
export function TitleSlugFields({
  labels,
  initial,
  errors,
  idPrefix,
}: {
  labels: Labels;
  initial?: { title: string; slug: string };
  errors?: Record<string, string[] | undefined>;
  idPrefix: string;
}) {
  const [title, setTitle] = useState(initial?.title ?? "");
  const [slug, setSlug] = useState(initial?.slug ?? "");
  const [follows, setFollows] = useState(!initial?.slug || initial.slug === slugify(initial.title));
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field
        id={`${idPrefix}-title`}
        name="title"
        label={labels.title}
        value={title}
        onChange={(e) => {
          setTitle(e.target.value);
          if (follows) setSlug(slugify(e.target.value));
        }}
        errors={errors?.title}
        required
      />
      <Field
        id={`${idPrefix}-slug`}
        name="slug"
        label={labels.slug}
        hint={labels.slugHint}
        value={slug}
        spellCheck={false}
        autoCapitalize="none"
        autoComplete="off"
        onChange={(e) => {
          setSlug(e.target.value);
          setFollows(e.target.value === "");
        }}
        errors={errors?.slug}
        // Field puts className on its wrapper; only the input is set in the code face.
        style={{ fontFamily: "var(--font-mono)" }}
        required
      />
    </div>
  );
}
