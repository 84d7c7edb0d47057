import Link from "next/link";
import { Fragment } from "react";

/** The trail above a page: links up to the current page, which is named last and not linked. */
export function Breadcrumb({ label, items, current }: { label: string; items: Array<{ href: string; label: string }>; current: string }) {
  return (
    <nav aria-label={label} className="text-sm text-muted">
      <ol className="flex flex-wrap items-center gap-2">
        {items.map((item) => (
          <Fragment key={item.href}>
            <li>
              <Link href={item.href} className="hover:text-ink hover:underline">
                {item.label}
              </Link>
            </li>
            <li aria-hidden>/</li>
          </Fragment>
        ))}
        <li aria-current="page" className="max-w-[24ch] truncate">
          {current}
        </li>
      </ol>
    </nav>
  );
}
