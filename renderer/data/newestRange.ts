/**
 * Where the newest documents of a collection start, found with cheap counts.
 *
 * Why: the storage has ascending indexes only, so a query sorted by id descending reads and
 * re-sorts every document of its range; asked of a whole 50,000-lead collection for its newest
 * hundred, it reads all 50,000. Ids are UUIDv7, whose first 12 hex digits are the creation time
 * in ms, so "ids from time t on" is an index range; counting a range is an index walk, without
 * reading documents. This bisects time until the range from t holds at least `want` documents
 * but not many more, and the descending query then reads only that range.
 */

/** The smallest UUIDv7 created at `ms` (its time prefix, "xxxxxxxx-xxxx"). */
export function idPrefixAt(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0').slice(-12);
  return `${hex.slice(0, 8)}-${hex.slice(8)}`;
}

/** A range this size is read as it is: a few hundred documents cost less than more counts. */
const GOOD_ENOUGH = 4;
const DAY_MS = 86_400_000;

/**
 * The lowest id of a range (`id >= result`) that holds at least `want` documents, and usually no
 * more than a few times that; undefined when the whole collection is needed (it holds fewer, or
 * its ids are not time-ordered). `countFrom(start)` counts the documents with `id >= start`.
 */
export async function newestRangeStart(
  countFrom: (start: string) => Promise<number>,
  want: number,
  now: number,
): Promise<string | undefined> {
  // Ids a little in the future (a laptop clock ahead) or not UUIDv7 at all (e.g. "lead-1" sorts
  // after every hex prefix): if they alone fill the chunk, that range is the answer.
  let hi = now + DAY_MS;
  const above = await countFrom(idPrefixAt(hi));
  if (above >= want) return above <= GOOD_ENOUGH * want ? idPrefixAt(hi) : undefined;
  // Widen backwards until the range holds enough: recent data needs only a few steps.
  let span = 1_000;
  let lo = now - span;
  let atLo = await countFrom(idPrefixAt(lo));
  while (atLo < want) {
    if (lo <= 0) return undefined;
    hi = lo;
    span *= 2;
    lo = Math.max(0, now - span);
    atLo = await countFrom(idPrefixAt(lo));
  }
  // Invariant: the range from lo holds >= want, the range from hi fewer. Narrow it to a small one.
  while (atLo > GOOD_ENOUGH * want && hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const atMid = await countFrom(idPrefixAt(mid));
    if (atMid >= want) {
      lo = mid;
      atLo = atMid;
    } else hi = mid;
  }
  return idPrefixAt(lo);
}
