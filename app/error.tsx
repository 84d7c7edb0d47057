"use client";

import { useEffect, useState } from "react";
import { outageText } from "@/lib/outage";

// Error boundaries cannot read the server catalogs; both languages are shown, briefly.
// When the cause is an unreachable database (/api/health answers 503), the page says so and
// reloads by itself once the database is back.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const [outage, setOutage] = useState(false);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      const ok = await fetch("/api/health", { cache: "no-store" }).then((r) => r.ok, () => false);
      if (stopped) return;
      if (!ok) {
        setOutage(true);
        timer = setTimeout(check, 3000);
      } else if (outage) window.location.reload();
    };
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [outage]);

  const [de, en] = [outageText("de"), outageText("en")];
  return (
    <main id="main" className="mx-auto flex min-h-[60dvh] max-w-lg flex-col items-center justify-center gap-4 px-6 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">
        {outage ? (
          <>
            <span lang="de">{de.title}</span> · <span lang="en">{en.title}</span>
          </>
        ) : (
          <>
            <span lang="de">Etwas ist schiefgegangen</span> · <span lang="en">Something went wrong</span>
          </>
        )}
      </h1>
      <p className="text-muted" role="status">
        {outage ? (
          <>
            <span lang="de">{de.body}</span> <span lang="en">{en.body}</span>
          </>
        ) : (
          <>
            <span lang="de">Deine gespeicherte Arbeit ist sicher.</span> <span lang="en">Your saved work is safe.</span>
          </>
        )}
      </p>
      <button
        type="button"
        onClick={reset}
        className="rounded-lg border border-line bg-white px-4 py-2 text-sm font-medium shadow-sm hover:bg-stone-50"
      >
        <span lang="de">Noch einmal versuchen</span> / <span lang="en">Try again</span>
      </button>
    </main>
  );
}
