import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";

/** Hands only the named catalog namespaces to client components, to keep the page's JavaScript small. */
export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const picked = Object.fromEntries(namespaces.map((ns) => [ns, (messages as Record<string, unknown>)[ns]]));
  return (
    <NextIntlClientProvider locale={locale} messages={picked} timeZone="Europe/Berlin">
      {children}
    </NextIntlClientProvider>
  );
}
