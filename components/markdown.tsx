import ReactMarkdown from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";

// GitHub's allow-list, minus inline images from anywhere (no tracking pixels in lessons).
const schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== "img"),
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"] },
};

/** Markdown (GFM) rendered on the server through an allow-list sanitiser; raw HTML is never passed through. */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={className} data-user-content="">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[[rehypeSanitize, schema]]} skipHtml>
        {children}
      </ReactMarkdown>
    </div>
  );
}
