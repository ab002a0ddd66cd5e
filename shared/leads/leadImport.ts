/**
 * Importing leads from a spreadsheet's rows (CSV parsed by the caller): a column mapping guessed
 * from the headers, each row read through the capture form's own rules (so an imported lead is
 * one the form would accept and the central system will not refuse), errors per row naming the
 * column and what to fix, and every lead processed by the lead processing engine. Work is done
 * in slices from a row index, so a caller can show progress, yield to the UI and resume.
 */
import { v5 } from 'uuid';
import type { Actor } from '../machines/send';
import type { LeadDoc, RuleSetDoc } from '../schemas';
import { processLeadWithVersions } from './engine';
import { LEAD_OPTIONS, parseLeadInput, type LeadInput } from './lead.form';
import { sendLead } from '../machines/lead.machine';

export type ImportField = keyof LeadInput;

/** The column index of each lead field; an unmapped field is read as empty. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

export const IMPORT_FIELDS: readonly { field: ImportField; label: string; aliases: readonly string[] }[] = [
  { field: 'company', label: 'Company', aliases: ['company', 'company name', 'account', 'organization', 'organisation'] },
  { field: 'contactName', label: 'Contact name', aliases: ['contact name', 'contact', 'name', 'full name'] },
  { field: 'email', label: 'Email', aliases: ['email', 'e-mail', 'email address'] },
  { field: 'phone', label: 'Phone', aliases: ['phone', 'phone number', 'telephone', 'tel'] },
  { field: 'country', label: 'Country', aliases: ['country', 'country code'] },
  { field: 'productCategory', label: 'Product category', aliases: ['product category', 'category', 'product', 'product interest'] },
  { field: 'purchaseTimeframe', label: 'Purchase timeframe', aliases: ['purchase timeframe', 'timeframe', 'time frame'] },
  { field: 'purchaseAmount', label: 'Purchase amount', aliases: ['purchase amount', 'amount', 'budget', 'estimated revenue'] },
  { field: 'budgetStatus', label: 'Budget status', aliases: ['budget status'] },
  { field: 'source', label: 'Source', aliases: ['source', 'lead source'] },
];

const norm = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');

/** Each field to the first header that names it (Excel's BOM, case, underscores ignored). */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const { field, aliases } of IMPORT_FIELDS) {
    const index = headers.findIndex((h, i) => !taken.has(i) && aliases.includes(norm(h)));
    if (index >= 0) {
      mapping[field] = index;
      taken.add(index);
    }
  }
  return mapping;
}

/** Fields no column is mapped to, which every row then lacks: said once, before importing. */
export function unmappedRequired(mapping: ColumnMapping): string[] {
  const optional: readonly ImportField[] = ['email', 'phone'];
  return IMPORT_FIELDS.filter(({ field }) => mapping[field] === undefined && !optional.includes(field)).map((f) => f.label);
}

/** A spreadsheet's spelling of a list value ("united states", "LAPTOPS") as the form's option. */
function canonical(field: ImportField, value: string): string {
  const v = value.trim();
  const lower = v.toLowerCase();
  if (field === 'country')
    return LEAD_OPTIONS.countries.find((c) => c.code.toLowerCase() === lower || c.name.toLowerCase() === lower)?.code ?? v;
  const lists: Partial<Record<ImportField, readonly string[]>> = {
    productCategory: LEAD_OPTIONS.productCategories,
    purchaseTimeframe: LEAD_OPTIONS.purchaseTimeframes,
    budgetStatus: LEAD_OPTIONS.budgetStatuses,
    source: LEAD_OPTIONS.sources,
  };
  return lists[field]?.find((option) => option.toLowerCase() === lower) ?? v;
}

export interface RowProblem {
  /** The row's line in the file, the header being line 1. */
  line: number;
  /** "Email (column 3): Enter an email like name@company.com". */
  messages: string[];
}

export interface ImportContext {
  owner: string;
  now: string;
  ruleSets: readonly RuleSetDoc[];
  actor: Actor;
  /** The id of the lead from a file line: `importLeadId` makes a re-import of the same file skip what is already in. */
  newId(line: number): string;
}

/** Fixed namespace of imported leads' ids (UUIDv5); changing it would duplicate leads on a resumed import. */
const IMPORT_NAMESPACE = '3b8f2a61-4c5d-5e7f-8a9b-0c1d2e3f4a5b';

/** One id per (file content, line): importing the same file again, e.g. after an interruption, writes no lead twice. */
export function importLeadId(fileDigest: string, line: number): string {
  return v5(`${fileDigest}/${line}`, IMPORT_NAMESPACE);
}

export interface ImportSlice {
  leads: LeadDoc[];
  problems: RowProblem[];
  /** Where the next slice starts; equal to rows.length when done. */
  next: number;
}

function inputOf(row: readonly string[], mapping: ColumnMapping): LeadInput {
  const cell = (field: ImportField) => {
    const index = mapping[field];
    return index === undefined ? '' : canonical(field, row[index] ?? '');
  };
  return {
    company: cell('company'),
    contactName: cell('contactName'),
    email: cell('email'),
    phone: cell('phone'),
    country: cell('country'),
    productCategory: cell('productCategory'),
    purchaseTimeframe: cell('purchaseTimeframe'),
    purchaseAmount: cell('purchaseAmount'),
    budgetStatus: cell('budgetStatus'),
    source: cell('source'),
  };
}

const isBlank = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

/**
 * Rows `from` to `from + count` (data rows, without the header) read into processed leads or
 * problems. Blank rows (Excel's trailing lines) are skipped silently.
 */
export function importSlice(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  ctx: ImportContext,
  from = 0,
  count = rows.length,
): ImportSlice {
  const leads: LeadDoc[] = [];
  const problems: RowProblem[] = [];
  const end = Math.min(rows.length, from + count);
  for (let i = from; i < end; i++) {
    const row = rows[i] ?? [];
    if (isBlank(row)) continue;
    const parsed = parseLeadInput(inputOf(row, mapping));
    if (!parsed.ok) {
      const messages = IMPORT_FIELDS.flatMap(({ field, label }) => {
        const message = parsed.errors[field];
        if (!message) return [];
        const column = mapping[field];
        return [`${label}${column === undefined ? ' (no column)' : ` (column ${column + 1})`}: ${message}`];
      });
      problems.push({ line: i + 2, messages });
      continue;
    }
    const fields = parsed.value;
    const lead: LeadDoc = {
      id: ctx.newId(i + 2),
      owner: ctx.owner,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      syncPending: true,
      ...fields,
      source: fields.source,
      status: 'acknowledged',
    };
    if (ctx.ruleSets.length === 0) {
      leads.push(lead);
      continue;
    }
    const processed = sendLead(lead, { type: 'lead.process', result: processLeadWithVersions(lead, ctx.ruleSets), at: ctx.now }, ctx.actor);
    leads.push(processed.ok ? processed.doc : lead);
  }
  return { leads, problems, next: end };
}

export interface ImportSummary {
  rows: number;
  imported: number;
  withProblems: number;
  qualified: number;
}

export function summarise(rows: number, slices: readonly ImportSlice[]): ImportSummary {
  const leads = slices.flatMap((s) => s.leads);
  return {
    rows,
    imported: leads.length,
    withProblems: slices.reduce((n, s) => n + s.problems.length, 0),
    qualified: leads.filter((l) => l.qualified === true).length,
  };
}
