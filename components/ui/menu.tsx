"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

/**
 * The one menu primitive (Radix: menu roles, typeahead, focus return to the trigger, Escape),
 * styled once. Every note and segment menu of the canvas board is built from these parts.
 */
export const Menu = DropdownMenu.Root;
export const MenuTrigger = DropdownMenu.Trigger;
export const MenuRadioGroup = DropdownMenu.RadioGroup;
export const MenuSub = DropdownMenu.Sub;

const surface =
  "z-50 max-h-[var(--radix-dropdown-menu-content-available-height)] min-w-48 max-w-[min(22rem,calc(100vw-1rem))] overflow-y-auto rounded-lg border border-line bg-white p-1 text-sm text-ink shadow-lg";
const row =
  "relative flex cursor-default items-start gap-2 rounded-md px-2 py-1.5 outline-none select-none data-[disabled]:text-stone-500 data-[highlighted]:bg-brand-50 data-[highlighted]:text-brand-900";

export function MenuContent({ className, ...props }: ComponentProps<typeof DropdownMenu.Content>) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content sideOffset={4} collisionPadding={8} className={cn(surface, className)} {...props} />
    </DropdownMenu.Portal>
  );
}

export function MenuItem({ className, shortcut, children, ...props }: ComponentProps<typeof DropdownMenu.Item> & { shortcut?: string }) {
  return (
    <DropdownMenu.Item className={cn(row, className)} {...props}>
      <span className="flex-1">{children}</span>
      {shortcut && <kbd className="ml-4 font-sans text-xs text-stone-600">{shortcut}</kbd>}
    </DropdownMenu.Item>
  );
}

const Check = () => (
  <svg viewBox="0 0 16 16" className="size-4" aria-hidden>
    <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2" />
  </svg>
);

export function MenuCheckboxItem({ className, children, ...props }: ComponentProps<typeof DropdownMenu.CheckboxItem>) {
  return (
    <DropdownMenu.CheckboxItem className={cn(row, "pl-8", className)} {...props}>
      <DropdownMenu.ItemIndicator className="absolute top-1.5 left-2">
        <Check />
      </DropdownMenu.ItemIndicator>
      <span className="min-w-0 flex-1 break-words">{children}</span>
    </DropdownMenu.CheckboxItem>
  );
}

export function MenuRadioItem({ className, children, ...props }: ComponentProps<typeof DropdownMenu.RadioItem>) {
  return (
    <DropdownMenu.RadioItem className={cn(row, "pl-8", className)} {...props}>
      <DropdownMenu.ItemIndicator className="absolute top-1.5 left-2">
        <Check />
      </DropdownMenu.ItemIndicator>
      <span className="min-w-0 flex-1 break-words">{children}</span>
    </DropdownMenu.RadioItem>
  );
}

export function MenuSubTrigger({ className, children, ...props }: ComponentProps<typeof DropdownMenu.SubTrigger>) {
  return (
    <DropdownMenu.SubTrigger className={cn(row, "data-[state=open]:bg-stone-100", className)} {...props}>
      <span className="flex-1">{children}</span>
      <span aria-hidden className="text-stone-600">
        ›
      </span>
    </DropdownMenu.SubTrigger>
  );
}

export function MenuSubContent({ className, ...props }: ComponentProps<typeof DropdownMenu.SubContent>) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.SubContent sideOffset={2} collisionPadding={8} className={cn(surface, className)} {...props} />
    </DropdownMenu.Portal>
  );
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <DropdownMenu.Label className="px-2 pt-2 pb-1 text-xs font-semibold text-stone-600">{children}</DropdownMenu.Label>;
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="my-1 h-px bg-line" />;
}
