"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, useRef, useState } from "react";
import { importRosterAction } from "@/app/(app)/cohorts/[cohortId]/members/actions";
import { buttonClasses } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { RosterProblem } from "@/lib/cohorts/roster";

/** Lines the instructor can mend and send again; members and open invitations need nothing more. */
const FIXABLE: ReadonlySet<RosterProblem> = new Set(["emailMissing", "emailInvalid", "nameTooLong", "nameInvalid", "tooMany"]);

/**
 * A spreadsheet file as text: UTF-8 when it is valid UTF-8, else Windows-1252 (what German Excel
 * writes as "CSV"), so umlauts survive either way.
 */
async function readText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Paste names and emails or pick a CSV file; each valid row gets an invitation by email, the rest is listed with its reason. */
export function RosterImportForm({ cohortId }: { cohortId: string }) {
  const t = useTranslations("cohortAdmin.invitations");
  const [state, action] = useActionState(importRosterAction, null);
  const [text, setText] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [handled, setHandled] = useState<typeof state>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const failed = state && !state.ok ? state : null;
  const done = state?.ok ? state.data : null;

  // After an import the box keeps only the lines to mend (without the header the parser no longer needs).
  if (state !== handled) {
    setHandled(state);
    if (done) {
      setText(done.rejected.filter((r) => FIXABLE.has(r.reason)).map((r) => r.text).join("\n"));
      setFileName(null);
    } else if (failed?.values?.roster !== undefined) setText(failed.values.roster);
  }

  async function onFile(file: File | undefined) {
    setFileError(null);
    if (!file) return;
    if (file.size > 1_000_000) {
      setFileError(t("fileTooLarge"));
      return;
    }
    try {
      setText(await readText(file));
      setFileName(file.name);
    } catch {
      setFileError(t("fileUnreadable"));
    }
    if (fileInput.current) fileInput.current.value = "";
  }

  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <TextAreaField
        name="roster"
        label={t("rosterLabel")}
        hint={t("rosterHint")}
        rows={6}
        spellCheck={false}
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t("rosterPlaceholder")}
        className="font-mono text-sm"
        errors={failed?.fieldErrors?.roster}
      />
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={fileId} className={buttonClasses("secondary", "cursor-pointer focus-within:ring-2 focus-within:ring-brand-200")}>
          {t("chooseFile")}
          <input
            ref={fileInput}
            id={fileId}
            type="file"
            accept=".csv,.txt,text/csv,text/plain,text/tab-separated-values"
            className="sr-only"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </label>
        <span className="text-sm text-muted" aria-live="polite">
          {fileError ? <span className="text-red-700">{fileError}</span> : fileName ? t("fileRead", { name: fileName }) : t("noFile")}
        </span>
        <SubmitButton pendingLabel={t("sending")} className="sm:ml-auto">
          {t("send")}
        </SubmitButton>
      </div>
      <FormMessage tone={done ? "success" : "error"}>
        {done
          ? done.invited + done.renewed > 0
            ? t("sent", { invited: done.invited, renewed: done.renewed })
            : t("noneSent")
          : failed?.fieldErrors
            ? null
            : (failed?.message ?? null)}
      </FormMessage>
      {done && done.rejected.length > 0 && (
        <div className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <p className="font-medium">{t("rejectedTitle", { count: done.rejected.length })}</p>
          <ul className="mt-2 flex flex-col gap-1" aria-label={t("rejectedTitle", { count: done.rejected.length })}>
            {done.rejected.map((r) => (
              <li key={`${r.line}-${r.reason}`} className="break-words">
                <span className="font-medium">{t("line", { line: r.line })}</span> <span className="font-mono text-xs">{r.text}</span> —{" "}
                {t(`reasons.${r.reason}`)}
              </li>
            ))}
          </ul>
          {done.rejected.some((r) => FIXABLE.has(r.reason)) && <p className="mt-2 text-amber-900">{t("mendHint")}</p>}
        </div>
      )}
    </form>
  );
}
