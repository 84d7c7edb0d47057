/** The Werkbank mark: a canvas grid of nine blocks. */
export function Logo({ label }: { label: string }) {
  return (
    <span className="inline-flex items-center gap-2 font-semibold tracking-tight text-ink">
      <svg aria-hidden width="24" height="24" viewBox="0 0 24 24" className="text-brand-600">
        <rect x="1" y="1" width="22" height="22" rx="5" fill="currentColor" />
        <path d="M8.3 4v11.5M15.7 4v11.5M12 4v11.5M4 15.5h16M12 15.5V20" stroke="white" strokeWidth="1.4" />
      </svg>
      {label}
    </span>
  );
}
