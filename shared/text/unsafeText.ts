/**
 * Characters a record may not carry, wherever it is typed or sent: NUL (PostgreSQL text and
 * jsonb cannot hold it), the other C0 control characters except tab, line feed and carriage
 * return (invisible, and they break CSV, PDF and e-mail output), DEL, and lone UTF-16
 * surrogates (not valid Unicode: they cannot be encoded as UTF-8 and corrupt JSON on the way).
 *
 * One definition for both sides: the app refuses these at the field, the central system
 * refuses the row that carries them, with the same words.
 */

// Built from code points so this file itself stays plain text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = new RegExp('[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]');
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a text, in words a rep can act on; null when it is fine. */
export function unsafeTextReason(value: string): string | null {
  const control = CONTROL.exec(value);
  if (control) {
    const code = control[0].charCodeAt(0);
    const name = code === 0 ? 'a NUL character' : `an invisible control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
    return `contains ${name} at position ${control.index + 1}; delete it or type the text again`;
  }
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) {
    return `contains a broken character (half of an emoji or symbol) at position ${surrogate.index + 1}; delete it or type the text again`;
  }
  return null;
}

export interface UnsafeTextProblem {
  /** Dotted path of the field, e.g. `address.street` or `lines.2.note`. */
  path: string;
  reason: string;
}

/**
 * Every string in a JSON-like value that carries an unsafe character, with its path.
 * Object keys are checked too (a key is text the server stores). Depth-limited by the caller's
 * data: JSON from a parsed body is finite.
 */
export function unsafeTextProblems(value: unknown, path = ''): UnsafeTextProblem[] {
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value);
    return reason ? [{ path: path || '(value)', reason }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => unsafeTextProblems(item, path ? `${path}.${index}` : String(index)));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => {
      const where = path ? `${path}.${key}` : key;
      const keyReason = unsafeTextReason(key);
      const own = keyReason ? [{ path: where, reason: `field name ${keyReason}` }] : [];
      return [...own, ...unsafeTextProblems(item, where)];
    });
  }
  return [];
}

/** One sentence for a list of problems: `street contains a NUL character ...; city ...`. */
export function describeUnsafeText(problems: readonly UnsafeTextProblem[]): string {
  return problems.map((p) => `${p.path} ${p.reason}`).join('; ');
}
