/** Shown when a record a route names is not in the local store. */
export function NotFound({ what }: { what: string }) {
  return (
    <div className="screen">
      <h1>{what} not found</h1>
      <p>This record is not on this laptop. It may have been removed, or it has not synced yet.</p>
    </div>
  );
}
