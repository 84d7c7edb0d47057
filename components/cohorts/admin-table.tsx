import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * The cohort pages' tables (members, invitations): a header row of column names and a last column
 * of actions named for screen readers only. On a phone the table keeps readable columns and scrolls
 * inside this box, which takes focus so it scrolls by keyboard too. `relative`: the sr-only header
 * text is positioned absolutely; without a positioned box here it escapes the scroll box and widens the page.
 */
export function AdminTable(props: { label: string; columns: string[]; actionsLabel: string; minWidth: string; children: ReactNode }) {
  return (
    <div tabIndex={0} role="region" aria-label={props.label} className="relative overflow-x-auto rounded-xl border border-line bg-white shadow-xs">
      <table className={cn("w-full text-left text-sm", props.minWidth)}>
        <thead className="border-b border-line bg-stone-50 text-xs tracking-wide text-muted uppercase">
          <tr>
            {props.columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-3 font-semibold">
                {column}
              </th>
            ))}
            <th scope="col" className="px-4 py-3">
              <span className="sr-only">{props.actionsLabel}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">{props.children}</tbody>
      </table>
    </div>
  );
}
