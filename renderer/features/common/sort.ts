/** Newest first by `updatedAt` (then `createdAt`), without asking the store to sort on a non-indexed field. */
export function newestFirst<T extends { updatedAt?: string; createdAt?: string }>(docs: readonly T[]): T[] {
  return [...docs].sort((a, b) => (b.updatedAt ?? b.createdAt ?? '').localeCompare(a.updatedAt ?? a.createdAt ?? ''));
}

/** Lookup by id, for showing names of linked records in tables. */
export function byId<T extends { id: string }>(docs: readonly T[] | undefined): Map<string, T> {
  return new Map((docs ?? []).map((d) => [d.id, d]));
}

/** A timestamp for a table cell: date and time in the rep's locale, a dash when absent. */
export function formatWhen(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
