"use client";

import { useTranslations } from "next-intl";
import {
  Menu,
  MenuCheckboxItem,
  MenuContent,
  MenuItem,
  MenuLabel,
  MenuRadioGroup,
  MenuRadioItem,
  MenuSeparator,
  MenuSub,
  MenuSubContent,
  MenuSubTrigger,
  MenuTrigger,
} from "@/components/ui/menu";
import { JOB_TYPES, type Note, type SegmentColor } from "@/lib/canvas/document";
import type { BlockDef } from "@/lib/canvas/types";
import { SegmentDot } from "./segment-dot";

/** One direction of fit links a note can make: "Relieves …" on a reliever, "Relieved by …" on a pain. */
export type LinkGroup = { label: string; emptyHint: string; targets: Note[]; linked: Set<string>; toggle: (id: string) => void };

export type NoteMenuProps = {
  note: Note;
  index: number;
  count: number;
  block: BlockDef;
  label: string;
  locale: "de" | "en";
  open: boolean;
  onOpenChange: (open: boolean) => void;
  moveTargets: Array<{ id: string; title: string }>;
  linkGroups: LinkGroup[];
  segments?: { options: Array<{ id: string; text: string; color?: SegmentColor }>; chosen: string[]; onChange: (ids: string[]) => void };
  onChange: (patch: Partial<Omit<Note, "id">>) => void;
  onMove: (toBlock: string, toIndex: number) => void;
  onDelete: () => void;
};

const short = (text: string) => (text.trim().length > 60 ? `${text.trim().slice(0, 57)}…` : text.trim());

/** The note's menu: what it is, what it addresses, where it sits, and delete. */
export function NoteMenu(props: NoteMenuProps) {
  const { note, block } = props;
  const t = useTranslations("editor");
  const attribute = block.attribute?.kind;
  const weightValue = attribute && attribute !== "jobType" ? String(note[attribute] ?? "") : "";

  return (
    <Menu open={props.open} onOpenChange={props.onOpenChange} modal={false}>
      <MenuTrigger
        className="inline-flex size-6 shrink-0 items-center justify-center rounded text-base leading-none text-stone-600 hover:bg-black/5 hover:text-ink data-[state=open]:bg-black/10"
        aria-label={t("noteMenu", { note: props.label })}
        data-export-hidden="true"
      >
        <span aria-hidden>⋯</span>
      </MenuTrigger>
      <MenuContent align="end" aria-label={t("noteMenu", { note: props.label })}>
        {attribute === "jobType" && (
          <MenuSub>
            <MenuSubTrigger>{t("jobType")}</MenuSubTrigger>
            <MenuSubContent>
              <MenuRadioGroup value={note.jobType ?? ""} onValueChange={(v) => props.onChange({ jobType: (v || undefined) as Note["jobType"] })}>
                <MenuRadioItem value="">{t("notSet")}</MenuRadioItem>
                {JOB_TYPES.map((j) => (
                  <MenuRadioItem key={j} value={j}>
                    {t(`jobTypes.${j}`)}
                  </MenuRadioItem>
                ))}
              </MenuRadioGroup>
            </MenuSubContent>
          </MenuSub>
        )}
        {(attribute === "severity" || attribute === "importance") && (
          <MenuSub>
            <MenuSubTrigger>{t(attribute)}</MenuSubTrigger>
            <MenuSubContent>
              <MenuRadioGroup
                value={weightValue}
                onValueChange={(v) => props.onChange({ [attribute]: v ? (Number(v) as 1 | 2 | 3) : undefined })}
              >
                <MenuRadioItem value="">{t("notSet")}</MenuRadioItem>
                {(["1", "2", "3"] as const).map((w) => (
                  <MenuRadioItem key={w} value={w}>
                    {t(`weights.${w}`)}
                  </MenuRadioItem>
                ))}
              </MenuRadioGroup>
            </MenuSubContent>
          </MenuSub>
        )}
        {props.linkGroups.map((group) => (
          <MenuSub key={group.label}>
            <MenuSubTrigger>
              {group.label} {group.linked.size > 0 && <span className="text-stone-600">({group.linked.size})</span>}
            </MenuSubTrigger>
            <MenuSubContent>
              {group.targets.length === 0 ? (
                <MenuItem disabled>{group.emptyHint}</MenuItem>
              ) : (
                group.targets.map((target) => (
                  <MenuCheckboxItem
                    key={target.id}
                    checked={group.linked.has(target.id)}
                    onSelect={(e) => e.preventDefault()}
                    onCheckedChange={() => group.toggle(target.id)}
                  >
                    {short(target.text) || t("emptyNote")}
                  </MenuCheckboxItem>
                ))
              )}
            </MenuSubContent>
          </MenuSub>
        ))}
        {block.tagGroups && block.tagGroups.length > 0 && (
          <MenuSub>
            <MenuSubTrigger>{t("tags")}</MenuSubTrigger>
            <MenuSubContent>
              {block.tagGroups.map((group) => (
                <div key={group.id} role="group" aria-label={group.label[props.locale]}>
                  <MenuLabel>{group.label[props.locale]}</MenuLabel>
                  {group.tags.map((tag) => {
                    const on = note.tags.includes(tag.id);
                    return (
                      <MenuCheckboxItem
                        key={tag.id}
                        checked={on}
                        onSelect={(e) => e.preventDefault()}
                        onCheckedChange={() => {
                          const others = group.multiple ? note.tags : note.tags.filter((x) => !group.tags.some((g) => g.id === x));
                          props.onChange({ tags: on ? note.tags.filter((x) => x !== tag.id) : [...others, tag.id] });
                        }}
                      >
                        {tag.label[props.locale]}
                      </MenuCheckboxItem>
                    );
                  })}
                </div>
              ))}
            </MenuSubContent>
          </MenuSub>
        )}
        {props.segments && (
          <MenuSub>
            <MenuSubTrigger>{t("segments")}</MenuSubTrigger>
            <MenuSubContent>
              {props.segments.options.length === 0 ? (
                <MenuItem disabled>{t("segmentsNone")}</MenuItem>
              ) : (
                props.segments.options.map((segment) => {
                  const on = props.segments!.chosen.includes(segment.id);
                  return (
                    <MenuCheckboxItem
                      key={segment.id}
                      checked={on}
                      onSelect={(e) => e.preventDefault()}
                      onCheckedChange={() =>
                        props.segments!.onChange(on ? props.segments!.chosen.filter((s) => s !== segment.id) : [...props.segments!.chosen, segment.id])
                      }
                    >
                      <span className="inline-flex items-center gap-1.5">
                        <SegmentDot color={segment.color} />
                        {short(segment.text) || t("unnamedSegment")}
                      </span>
                    </MenuCheckboxItem>
                  );
                })
              )}
            </MenuSubContent>
          </MenuSub>
        )}
        <MenuSeparator />
        <MenuSub>
          <MenuSubTrigger>{t("moveTo")}</MenuSubTrigger>
          <MenuSubContent>
            <MenuRadioGroup value={block.id} onValueChange={(to) => props.onMove(to, Number.MAX_SAFE_INTEGER)}>
              {props.moveTargets.map((b) => (
                <MenuRadioItem key={b.id} value={b.id}>
                  {b.title}
                </MenuRadioItem>
              ))}
            </MenuRadioGroup>
          </MenuSubContent>
        </MenuSub>
        <MenuItem disabled={props.index === 0} onSelect={() => props.onMove(block.id, props.index - 1)} shortcut="Alt+↑">
          {t("moveUp")}
        </MenuItem>
        <MenuItem disabled={props.index === props.count - 1} onSelect={() => props.onMove(block.id, props.index + 1)} shortcut="Alt+↓">
          {t("moveDown")}
        </MenuItem>
        <MenuSeparator />
        <MenuItem onSelect={props.onDelete} shortcut={t("keys.delete")} className="text-red-800 data-[highlighted]:bg-red-50 data-[highlighted]:text-red-900">
          {t("deleteNote")}
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}
