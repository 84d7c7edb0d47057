import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** The frame of the sign-in and sign-up pages: a card with a heading, and a link to the other page. */
export function AuthCard(props: { title: string; lead: string; children: ReactNode; footer: string; linkHref: string; linkLabel: string }) {
  return (
    <div className="w-full max-w-md">
      <Card className="p-8">
        <h1 className="text-2xl font-semibold tracking-tight">{props.title}</h1>
        <p className="mt-2 mb-6 text-sm text-muted">{props.lead}</p>
        {props.children}
      </Card>
      <p className="mt-6 text-center text-sm text-muted">
        {props.footer}{" "}
        <Link href={props.linkHref} className="font-medium text-brand-700 underline underline-offset-2">
          {props.linkLabel}
        </Link>
      </p>
    </div>
  );
}
