import { getTranslations } from "next-intl/server";
import { setLessonDoneAction } from "@/app/(app)/actions";
import { asFormAction } from "@/components/ui/as-form-action";
import { SubmitButton } from "@/components/ui/submit-button";

export async function LessonDoneButton({ cohortId, lessonId, done }: { cohortId: string; lessonId: string; done: boolean }) {
  const t = await getTranslations("lesson");
  return (
    <form action={asFormAction(setLessonDoneAction)} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="lessonId" value={lessonId} />
      <input type="hidden" name="done" value={String(!done)} />
      {done && <p className="text-sm text-brand-700">✓ {t("isDone")}</p>}
      <SubmitButton variant={done ? "ghost" : "primary"} pendingLabel={t("markingDone")}>
        {done ? t("markNotDone") : t("markDone")}
      </SubmitButton>
    </form>
  );
}
