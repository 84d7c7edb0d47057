import { markdownToHtml } from "@/lib/markdown";

/**
 * Markdown (GFM) rendered on the server through an allow-list sanitiser (lib/markdown.ts); raw
 * HTML is never passed through. The sanitised string is the only thing set as inner HTML.
 */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return <div className={className} data-user-content="" dangerouslySetInnerHTML={{ __html: markdownToHtml(children) }} />;
}
