import type { ReactNode } from "react";
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
  editedTitle: string | null;
  /** E.g. "Assigned review": what kind of post this is, beyond an ordinary reply. */
  badge?: string;
  /** "New" since the viewer's last visit. */
  unread?: boolean;
};

export type PostLabels = { edited: string; openingPost: string; hiddenPost: string; deletedPost: string; unread: string };

/**
 * One post, rendered on the server: author, time, "edited", badges and the body. `body` is the
 * server-rendered Markdown in a .post-body, or — for a post its viewer may act on — that body inside
 * its controls. The classes are defined once in app/globals.css.
 */
export function PostArticle({ post, labels, body }: { post: PostView; labels: PostLabels; body: ReactNode }) {
  const headingId = `by-${post.id}`;
  return (
    <article
      id={`post-${post.id}`}
      tabIndex={-1}
      aria-labelledby={headingId}
      className={post.hidden ? "post post-hidden" : "post"}
    >
      <header className="post-head">
        <span aria-hidden className="post-avatar">
          {initials(post.authorName)}
        </span>
        <h3 id={headingId}>
          {post.authorName}
        </h3>
        <span className="post-meta">
          <time dateTime={post.createdAt}>
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
        <div className="post-body">
          <p className="text-sm text-muted italic">{labels.deletedPost}</p>
        </div>
      ) : (
        body
      )}
    </article>
  );
}
