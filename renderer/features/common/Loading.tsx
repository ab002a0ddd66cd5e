/** Placeholder while a live query delivers its first result. */
export function Loading({ what = 'Loading…' }: { what?: string }) {
  return (
    <p className="muted" role="status">
      {what}
    </p>
  );
}
