"use client";

// Error boundaries cannot read the server catalogs; both languages are shown, briefly.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="main" className="mx-auto flex min-h-[60dvh] max-w-lg flex-col items-center justify-center gap-4 px-6 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">
        <span lang="de">Etwas ist schiefgegangen</span> · <span lang="en">Something went wrong</span>
      </h1>
      <p className="text-muted">
        <span lang="de">Deine gespeicherte Arbeit ist sicher.</span> <span lang="en">Your saved work is safe.</span>
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
