/**
 * Which page of a thread to show: the page holding `?post=ID` when it is among the visible posts
 * (links from notifications, reviews and after a reply), else `?page=N` clamped to the pages there are.
 */
export function threadPage<T extends { id: string }>(
  posts: readonly T[],
  query: { page?: string; post?: string },
  perPage: number,
): { page: number; pageCount: number; first: number; items: T[] } {
  const pageCount = Math.max(1, Math.ceil(posts.length / perPage));
  const linkedAt = query.post ? posts.findIndex((p) => p.id === query.post) : -1;
  const asked = Number.parseInt(query.page ?? "1", 10);
  const page = linkedAt >= 0 ? Math.floor(linkedAt / perPage) + 1 : Math.min(pageCount, Math.max(1, Number.isFinite(asked) ? asked : 1));
  const first = (page - 1) * perPage;
  return { page, pageCount, first, items: posts.slice(first, first + perPage) };
}
