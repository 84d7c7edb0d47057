"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { initials } from "./badges";

export type Member = { id: string; name: string };

type Props = {
  members: Member[];
  name: string;
  id: string;
  defaultValue?: string;
  maxLength?: number;
  rows?: number;
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
  className?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
};

/** The @fragment right before the caret: where its "@" sits and what follows it. */
type Query = { start: number; end: number; text: string };

const MAX_SUGGESTIONS = 8;
const FRAGMENT_MAX = 40;

/**
 * An "@" at the start or after a space or opening punctuation, followed by letters (and the
 * spaces, hyphens, dots and apostrophes of names), up to the caret.
 */
function queryAt(value: string, caret: number): Query | null {
  const before = value.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0 || caret - at - 1 > FRAGMENT_MAX) return null;
  if (at > 0 && !/[\s([{"'„“]/.test(before[at - 1]!)) return null;
  const text = before.slice(at + 1);
  if (!/^\p{L}[\p{L}\p{M}' .-]*$/u.test(text)) return null;
  return { start: at, end: caret, text };
}

function matches(members: Member[], fragment: string): Member[] {
  // No trimming: "@Anna Berger " is a finished mention, "@Anna " still looks for the surname.
  const q = fragment.toLocaleLowerCase();
  if (!q.trim()) return [];
  const starts: Member[] = [];
  const words: Member[] = [];
  for (const m of members) {
    const name = m.name.toLocaleLowerCase();
    if (name.startsWith(q)) starts.push(m);
    else if (name.split(/\s+/).some((w, i, all) => i > 0 && all.slice(i).join(" ").startsWith(q))) words.push(m);
  }
  return [...starts, ...words].slice(0, MAX_SUGGESTIONS);
}

/**
 * A textarea that suggests cohort members after "@" (the ARIA combobox pattern on the textarea):
 * ↑/↓ move, Enter or Tab pick, Escape closes, a click picks. Picking inserts "@Full Name ",
 * which is exactly what the server looks for. Uncontrolled, so form resets and echoed values work.
 */
export function MentionTextarea({ members, className, ...props }: Props) {
  const t = useTranslations("forum");
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [query, setQuery] = useState<Query | null>(null);
  const [active, setActive] = useState(0);
  // The "@" the user dismissed with Escape stays closed until they type another one.
  const [dismissed, setDismissed] = useState<number | null>(null);

  const autoFocus = props.autoFocus;
  useEffect(() => {
    // Opened for editing: the caret goes to the end of the text, not its start.
    const el = ref.current;
    if (autoFocus && el) el.setSelectionRange(el.value.length, el.value.length);
  }, [autoFocus]);

  const suggestions = query && query.start !== dismissed ? matches(members, query.text) : [];
  const open = suggestions.length > 0;
  const activeIndex = Math.min(active, suggestions.length - 1);
  const optionId = (i: number) => `${listId}-option-${i}`;

  function update() {
    const el = ref.current;
    if (!el) return;
    const next = el.selectionStart === el.selectionEnd ? queryAt(el.value, el.selectionStart) : null;
    if (next?.start !== query?.start || next?.text !== query?.text) {
      setQuery(next);
      setActive(0);
    }
    if (dismissed !== null && next?.start !== dismissed) setDismissed(null);
  }

  function pick(member: Member) {
    const el = ref.current;
    if (!el || !query) return;
    el.focus();
    el.setRangeText(`@${member.name} `, query.start, query.end, "end");
    setQuery(null);
    setActive(0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open || event.nativeEvent.isComposing) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((activeIndex + step + suggestions.length) % suggestions.length);
    } else if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      pick(suggestions[activeIndex]!);
    } else if (event.key === "Escape") {
      // Closes the list only; a surrounding dialog stays open.
      event.preventDefault();
      event.stopPropagation();
      setDismissed(query!.start);
    }
  }

  return (
    <div className="relative">
      <textarea
        ref={ref}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? optionId(activeIndex) : undefined}
        autoComplete="off"
        onInput={update}
        onSelect={update}
        onKeyDown={onKeyDown}
        onBlur={() => setQuery(null)}
        className={cn(
          "w-full resize-y rounded-lg border bg-white px-3 py-2 text-[0.95rem] leading-relaxed shadow-xs outline-none transition-colors",
          "focus-visible:border-brand-500 focus-visible:ring-2 focus-visible:ring-brand-200 focus-visible:outline-none",
          "disabled:cursor-not-allowed disabled:bg-stone-50 disabled:text-muted",
          props["aria-invalid"] ? "border-red-600" : "border-line",
          className,
        )}
        {...props}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t("mentionSuggestions")}
        hidden={!open}
        className="absolute top-full left-0 z-20 mt-1 max-h-64 w-72 max-w-full overflow-y-auto rounded-lg border border-line bg-white py-1 shadow-lg"
      >
        {suggestions.map((member, i) => (
          <li
            key={member.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === activeIndex}
            // Keeps focus (and the caret) in the textarea.
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => i !== activeIndex && setActive(i)}
            onClick={() => pick(member)}
            className={cn(
              "flex cursor-pointer items-center gap-2 px-3 py-1.5 text-sm",
              i === activeIndex ? "bg-brand-50 text-brand-900" : "text-ink",
            )}
          >
            <span
              aria-hidden
              className="flex size-6 shrink-0 items-center justify-center rounded-full bg-stone-200 text-[0.7rem] font-semibold text-stone-700"
            >
              {initials(member.name)}
            </span>
            {member.name}
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" className="sr-only">
        {open ? t("mentionCount", { count: suggestions.length }) : ""}
      </p>
    </div>
  );
}
