"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { CanvasEditor } from "./canvas-editor";

// The editor reads unsaved edits from sessionStorage on mount, so it renders in the browser only;
// loading it on demand also keeps dnd-kit and react-query off every other page.
const Editor = dynamic(() => import("./canvas-editor").then((m) => m.CanvasEditor), {
  ssr: false,
  loading: () => <div className="h-96 animate-pulse rounded-xl bg-stone-200/60" />,
});

export function CanvasEditorLoader(props: ComponentProps<typeof CanvasEditor>) {
  return <Editor {...props} />;
}
