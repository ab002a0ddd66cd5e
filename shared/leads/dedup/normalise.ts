/**
 * The keys two records are compared by, so that "ACME Corp." and "Acme Corporation", "+1 (555)
 * 010-2000" and "555 010 2000" are the same thing. Pure and total: any text gives a key ('' when
 * nothing of it identifies anyone, and '' never matches).
 */

/** Legal forms that say nothing about which company it is. */
const LEGAL_FORMS = new Set([
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'llp',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'kg',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'ab',
  'oy',
  'as',
  'pty',
  'pte',
  'the',
]);

/** Mailboxes anyone can have: the same domain there says nothing about the company. */
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'gmx.com',
  'gmx.de',
  'web.de',
  'proton.me',
  'protonmail.com',
  'mail.com',
  'yandex.com',
  'example.com',
]);

const ASCII = /^\p{ASCII}*$/u;

/** Lower case, accents removed, every run of anything but letters and digits one space. */
export function plainWords(text: string): string[] {
  // Most names are plain ASCII: the Unicode path below costs ten times as much.
  if (ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/&/g, ' and ')
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== '');
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** "ACME Corp." -> "acme": the words of the name without its legal form. */
export function companyKey(name: string | undefined): string {
  if (!name) return '';
  const words = plainWords(name);
  const kept = words.filter((w) => !LEGAL_FORMS.has(w));
  return (kept.length > 0 ? kept : words).join(' ');
}

/** A person's name as a set of words in order: "Smith, Jane" and "jane SMITH" are the same. */
export function personKey(name: string | undefined): string {
  if (!name) return '';
  return plainWords(name).sort().join(' ');
}

/** The whole address, lower case and trimmed ('' when it is not one). */
export function emailKey(email: string | undefined): string {
  const e = (email ?? '').trim().toLowerCase();
  const at = e.lastIndexOf('@');
  return at > 0 && at < e.length - 1 ? e : '';
}

/** The company's mail domain; '' for free mail providers, which anyone may use. */
export function emailDomainKey(email: string | undefined): string {
  const e = emailKey(email);
  if (e === '') return '';
  const domain = e.slice(e.lastIndexOf('@') + 1).replace(/^www\./, '');
  return FREE_MAIL.has(domain) ? '' : domain;
}

/**
 * The phone's digits, the last nine: the same number written with or without its country code or
 * trunk zero ("+44 20 7946 0000", "020 7946 0000"). Fewer than seven digits is no number.
 */
export function phoneKey(phone: string | undefined): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length < 7 ? '' : digits.slice(-9);
}

export interface AddressIn {
  street?: string;
  postcode?: string;
  city?: string;
  country?: string;
}

/** Street and postcode (or city when no postcode), normalised; '' without a street. */
export function addressKey(address: AddressIn): string {
  const street = plainWords(address.street ?? '')
    .map((w) => STREET_WORDS[w] ?? w)
    .join(' ');
  if (street === '') return '';
  const place = plainWords(address.postcode ?? '').join('') || plainWords(address.city ?? '').join(' ');
  return place === '' ? '' : `${street}|${place}`;
}

const STREET_WORDS: Record<string, string> = {
  street: 'st',
  str: 'st',
  strasse: 'st',
  road: 'rd',
  avenue: 'ave',
  av: 'ave',
  boulevard: 'blvd',
  drive: 'dr',
  lane: 'ln',
};
