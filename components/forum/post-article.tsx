import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Badge, initials } from "./badges";

export type PostView = {
  id: string;
  authorName: string;
  hidden: boolean;
  deleted: boolean;
  /** Opening post of the thread (the first one). */
  opening: boolean;
  createdAt: string;
  createdLabel: string;
  createdTitle: string;
  editedTitle: string | null;
  /** E.g. "Assigned review": what kind of post this is, beyond an ordinary reply. */
  badge?: string;
  /** "New" since the viewer's last visit. */
  unread?: boolean;
};

export type PostLabels = { edited: string; openingPost: string; hiddenPost: string; deletedPost: string; unread: string };

/**
 * One post, rendered on the server: author, time, "edited", badges and the body. `body` is the
 * server-rendered Markdown, or — for a post its viewer may act on — that body inside its controls.
 */
export function PostArticle({ post, labels, body }: { post: PostView; labels: PostLabels; body: ReactNode }) {
  const headingId = `post-${post.id}-author`;
  return (
    <article
      id={`post-${post.id}`}
      tabIndex={-1}
      aria-labelledby={headingId}
      className={cn(
        "scroll-mt-6 rounded-xl border bg-white p-5 shadow-xs outline-none target:ring-2 target:ring-brand-200 focus-visible:ring-2 focus-visible:ring-brand-200",
        post.hidden ? "border-dashed border-stone-300 bg-stone-50" : "border-line",
      )}
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-900">
          {initials(post.authorName)}
        </span>
        <h3 id={headingId} className="font-semibold">
          {post.authorName}
        </h3>
        <span className="text-sm text-muted">
          <time dateTime={post.createdAt} title={post.createdTitle}>
            {post.createdLabel}
          </time>
          {post.editedTitle && !post.deleted && (
            <>
              {" · "}
              <span title={post.editedTitle}>{labels.edited}</span>
            </>
          )}
        </span>
        {post.unread && <Badge tone="info">{labels.unread}</Badge>}
        {post.opening && <Badge tone="neutral">{labels.openingPost}</Badge>}
        {post.badge && <Badge tone="brand">{post.badge}</Badge>}
        {post.hidden && <Badge tone="warning">{labels.hiddenPost}</Badge>}
      </header>
      {post.deleted ? (
        <div className="mt-3 pl-11">
          <p className="text-sm text-muted italic">{labels.deletedPost}</p>
        </div>
      ) : (
        body
      )}
    </article>
  );
}
