"use client";

import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, arrayMove, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { reorderLessonsAction } from "@/app/(app)/courses/[courseId]/edit/actions";
import { cn } from "@/components/ui/cn";
import { LessonRow, type LessonItem } from "./lesson-row";

export type { LessonItem };

/**
 * The course's lessons in order. Reordered by dragging (mouse, touch, or keyboard: Space picks a
 * lesson up, arrows move it, Space drops, Escape cancels) or with the Move up / Move down buttons;
 * every new order is saved at once, as a whole, and announced.
 */
export function LessonList({ courseId, lessons, cohorts }: { courseId: string; lessons: LessonItem[]; cohorts: Array<{ id: string; name: string }> }) {
  const t = useTranslations("authoring");
  const [order, setOrder] = useState(() => lessons.map((l) => l.id));
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const [status, setStatus] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [, startSaving] = useTransition();
  const refocus = useRef<{ id: string; direction: "up" | "down" } | null>(null);
  // dnd-kit reports the picked-up lesson as over itself at once; that would drown the pick-up message.
  const pickedUp = useRef(false);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  useEffect(() => {
    // A moved row is re-inserted in the DOM, which drops the focus: give it back to its button,
    // or to the other one when the row reached an end.
    const target = refocus.current;
    if (!target) return;
    refocus.current = null;
    const same = document.getElementById(`move-${target.direction}-${target.id}`) as HTMLButtonElement | null;
    const other = document.getElementById(`move-${target.direction === "up" ? "down" : "up"}-${target.id}`);
    (same && !same.disabled ? same : other)?.focus();
  }, [order]);

  const titleOf = (id: UniqueIdentifier | undefined) => (id === undefined ? "" : (byId.get(String(id))?.title ?? ""));
  const positionOf = (id: UniqueIdentifier | undefined) => order.indexOf(String(id)) + 1;

  function save(next: string[], movedId: string) {
    const previous = order;
    setOrder(next);
    setAnnouncement(t("order.moved", { title: titleOf(movedId), position: next.indexOf(movedId) + 1, count: next.length }));
    setStatus({ tone: "info", text: t("order.saving") });
    startSaving(async () => {
      const result = await reorderLessonsAction(null, { courseId, lessonIds: next });
      if (result.ok) setStatus({ tone: "info", text: t("order.saved") });
      else {
        setOrder(previous);
        setStatus({ tone: "error", text: result.message });
      }
    });
  }

  function move(id: string, by: -1 | 1) {
    const from = order.indexOf(id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= order.length) return;
    refocus.current = { id, direction: by < 0 ? "up" : "down" };
    save(arrayMove(order, from, to), id);
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    save(arrayMove(order, order.indexOf(String(active.id)), order.indexOf(String(over.id))), String(active.id));
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      pickedUp.current = true;
      return t("order.pickedUp", { title: titleOf(active.id), position: positionOf(active.id), count: order.length });
    },
    onDragOver: ({ active, over }) => {
      const first = pickedUp.current;
      pickedUp.current = false;
      if (first && over?.id === active.id) return undefined;
      return over ? t("order.over", { title: titleOf(active.id), position: positionOf(over.id), count: order.length }) : t("order.outside");
    },
    onDragEnd: ({ active, over }) =>
      over ? t("order.dropped", { title: titleOf(active.id), position: positionOf(over.id), count: order.length }) : t("order.outside"),
    onDragCancel: ({ active }) => t("order.cancelled", { title: titleOf(active.id), position: positionOf(active.id) }),
  };

  if (order.length === 0) {
    return <p className="rounded-xl border border-dashed border-line p-6 text-center text-sm text-muted">{t("lessons.empty")}</p>;
  }

  return (
    <div className="flex flex-col gap-3">
      <p id="lesson-order-help" className="text-sm text-muted">
        {t("order.help")}
      </p>
      <DndContext
        id="lesson-order"
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t("order.instructions") } }}
      >
        <SortableContext items={order} strategy={verticalListSortingStrategy}>
          <ol aria-label={t("lessons.listLabel")} aria-describedby="lesson-order-help" className="flex flex-col gap-2">
            {order.map((id, index) => (
              <LessonRow
                key={id}
                courseId={courseId}
                lesson={byId.get(id)!}
                index={index}
                count={order.length}
                cohorts={cohorts}
                onMove={(by) => move(id, by)}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <p role="status" className={cn("min-h-5 text-sm", status?.tone === "error" ? "text-red-700" : "text-muted")}>
        {status?.text}
      </p>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
