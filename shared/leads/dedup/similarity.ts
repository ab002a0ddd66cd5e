/**
 * Jaro-Winkler similarity (0..1) of two normalised keys: tolerant of a typo or a swapped letter
 * in a name, symmetric, 1 only for equal texts.
 */

// Reused between calls: a dedup check compares one key with dozens of candidates, and two new
// arrays per comparison were a third of its cost.
let sMatched = new Uint8Array(64);
let tMatched = new Uint8Array(64);

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  // A fixed order of the two, so the greedy matching gives the same for (a, b) and (b, a).
  const [s, t] = a.length < b.length || (a.length === b.length && a <= b) ? [a, b] : [b, a];
  if (t.length > tMatched.length) {
    sMatched = new Uint8Array(t.length * 2);
    tMatched = new Uint8Array(t.length * 2);
  }
  sMatched.fill(0, 0, s.length);
  tMatched.fill(0, 0, t.length);
  const window = Math.max(0, Math.floor(t.length / 2) - 1);
  let matches = 0;
  for (let i = 0; i < s.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(t.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (tMatched[j] || s[i] !== t[j]) continue;
      sMatched[i] = 1;
      tMatched[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    if (!sMatched[i]) continue;
    while (!tMatched[k]) k++;
    if (s[i] !== t[k]) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / s.length + m / t.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < s.length && s[prefix] === t[prefix]) prefix++;
  return Math.min(1, jaro + prefix * 0.1 * (1 - jaro));
}

const BINS = 64;
const work = new Int32Array(BINS);

/**
 * Answers "may jaroWinkler(key, other) reach `threshold`?" for one key against many others;
 * false only when it certainly cannot. The letters the two share (counted in 64 bins, so
 * letters that share a bin only loosen the bound) cap the Jaro matches, and the most a common
 * prefix can add is 0.4 of the rest. A few dozen operations per candidate, where the comparison
 * itself costs hundreds: a dedup check rules most of its candidates out with this.
 */
export class SimilarityBound {
  private readonly counts = new Int32Array(BINS);

  constructor(
    private readonly key: string,
    private readonly threshold: number,
  ) {
    for (let i = 0; i < key.length; i++) this.counts[key.charCodeAt(i) & (BINS - 1)]!++;
  }

  mayReach(other: string): boolean {
    if (other === this.key) return true;
    if (other.length === 0 || this.key.length === 0) return this.threshold <= 0;
    work.set(this.counts);
    let shared = 0;
    for (let i = 0; i < other.length; i++) {
      const bin = other.charCodeAt(i) & (BINS - 1);
      if (work[bin]! > 0) {
        work[bin]!--;
        shared++;
      }
    }
    const jaroBound = shared === 0 ? 0 : (shared / this.key.length + shared / other.length + 1) / 3;
    return Math.min(1, jaroBound + 0.4 * (1 - jaroBound)) >= this.threshold;
  }
}
