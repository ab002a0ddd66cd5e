/**
 * Order attachments (issue 10 item 4): a purchase order or letter of credit, as a PDF or an image,
 * attached to an order on the laptop and checked again by the central system with the same rules.
 * The type is read from the bytes (magic numbers), never only from the file name, so a renamed
 * executable is refused whatever it is called.
 */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** Attachments sync one per request (push and pull): a page of them would be tens of MB to parse at once. */
export const ATTACHMENT_SYNC_BATCH = 1;

export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_TYPES)[number];

export const ATTACHMENT_KINDS = ['purchaseOrder', 'letterOfCredit'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const ATTACHMENT_KIND_LABELS: Readonly<Record<AttachmentKind, string>> = {
  purchaseOrder: 'Purchase order',
  letterOfCredit: 'Letter of credit',
};

const MAGIC: readonly { type: AttachmentMediaType; bytes: readonly number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The media type the bytes are, by their first bytes; undefined for anything else. */
export function sniffMediaType(head: Uint8Array): AttachmentMediaType | undefined {
  return MAGIC.find(({ bytes }) => bytes.every((byte, index) => head[index] === byte))?.type;
}

const EXTENSIONS: Readonly<Record<AttachmentMediaType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} bytes`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(0)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/** Shown names: a plain file name without folders or control characters, at most 200 characters. */
export function fileNameProblem(fileName: string): string | undefined {
  if (fileName.trim() === '') return 'The file has no name; rename it and attach it again';
  if (fileName.length > 200) return 'The file name is longer than 200 characters; rename the file and attach it again';
  if (/[/\\]/.test(fileName) || [...fileName].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
    return `The file name "${fileName}" has a folder or a control character in it; rename the file and attach it again`;
  }
  return undefined;
}

export type AttachmentCheck = { ok: true; mediaType: AttachmentMediaType } | { ok: false; message: string };

/**
 * Whether a file may be attached: a PDF, PNG or JPEG by its bytes, whose name's extension agrees,
 * of at most MAX_ATTACHMENT_BYTES. `head` is the file's first bytes (8 are enough).
 */
export function checkAttachment(fileName: string, size: number, head: Uint8Array): AttachmentCheck {
  const nameProblem = fileNameProblem(fileName);
  if (nameProblem) return { ok: false, message: nameProblem };
  if (size === 0) return { ok: false, message: `${fileName} is empty; attach the scanned or saved document itself` };
  if (size > MAX_ATTACHMENT_BYTES) {
    return {
      ok: false,
      message: `${fileName} is ${formatBytes(size)}; attachments may be at most ${formatBytes(MAX_ATTACHMENT_BYTES)}. Scan it at a lower resolution or save it as a smaller PDF`,
    };
  }
  const mediaType = sniffMediaType(head);
  if (!mediaType) {
    return {
      ok: false,
      message: `${fileName} is not a PDF, PNG or JPEG file (checked by its content); attach the PO or letter of credit as a PDF or an image`,
    };
  }
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension !== undefined && !EXTENSIONS[mediaType].includes(extension)) {
    return {
      ok: false,
      message: `${fileName} is named .${extension} but its content is ${mediaType}; rename it to .${EXTENSIONS[mediaType][0]} and attach it again`,
    };
  }
  return { ok: true, mediaType };
}

/** Base64 of bytes, in chunks so a 5 MB file neither overflows the call stack nor builds one huge intermediate array. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

export function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Size of the bytes a base64 text holds, without decoding it. */
export function base64Size(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

export interface AttachmentFacts {
  fileName: string;
  size: number;
  data: string;
  mediaType: string;
}

/**
 * The central system's check of a pushed attachment: the same rules on the decoded bytes, and the
 * declared size and media type must be what the bytes are.
 */
export function attachmentProblems(facts: AttachmentFacts): string[] {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(facts.data) || facts.data.length % 4 !== 0)
    return ['The attachment data is not base64; attach the file again'];
  const size = base64Size(facts.data);
  if (size > MAX_ATTACHMENT_BYTES) {
    return [`${facts.fileName} is ${formatBytes(size)}; attachments may be at most ${formatBytes(MAX_ATTACHMENT_BYTES)}`];
  }
  const head = fromBase64(facts.data.slice(0, 12));
  const checked = checkAttachment(facts.fileName, size, head);
  if (!checked.ok) return [checked.message];
  const problems: string[] = [];
  if (facts.size !== size) problems.push(`${facts.fileName} says it is ${facts.size} bytes but holds ${size}; attach the file again`);
  if (facts.mediaType !== checked.mediaType)
    problems.push(`${facts.fileName} says it is ${facts.mediaType} but its content is ${checked.mediaType}`);
  return problems;
}
