/**
 * POST /salesLead body (TMF699 v4 SalesLead_Create) -> the fields of the app's lead document.
 * v4 has attributes for the prospect, its contact media, the category and the estimated revenue,
 * but none for the purchase timeframe, the budget status or the lead's source: those travel as
 * `characteristic` entries {name, value} (the TM Forum extension shape). Every problem is
 * reported at once, named by the attribute the caller sent (or must send).
 */
import { LEAD_OPTIONS } from '../../../../shared/leads/lead.form';
import { badRequest } from '../../platform/http/errors';
import { isObject, type JsonObject } from '../../platform/json';
import { PARTY_ROLES, SALES_LEAD_PRIORITIES } from './salesLeadTypes';

/** The app's lead fields the engine and the rep's app need. */
export interface LeadFieldsIn {
  company: string;
  contactName: string;
  email?: string;
  phone?: string;
  country: string;
  productCategory: string;
  purchaseTimeframe: string;
  purchaseAmount: number;
  budgetStatus: string;
  source: string;
}

export interface LeadIntake {
  fields: LeadFieldsIn;
  /** id or username of the rep named in relatedParty with role salesRep. */
  salesRep?: string;
  /** SalesLead_Create attributes a LeadDoc has no field for, echoed on every read. */
  received: JsonObject;
}

const READ_ONLY = ['id', 'href', 'status', 'creationDate', 'statusChangeDate'];
/** Writable in SalesLead_Create, but here the outcome of the lead processing or of the rep's work. */
const DECIDED_CENTRALLY = ['rating', 'channel', 'statusChangeReason', 'salesOpportunity'];
/** Kept as sent and returned on reads. */
const ECHOED = [
  'name',
  'description',
  'type',
  'priority',
  'referredDate',
  'validFor',
  'note',
  'marketingCampaign',
  'marketSegment',
  'productOffering',
  'productSpecification',
  'product',
  '@baseType',
  '@schemaLocation',
  '@type',
];
const MAPPED = ['category', 'estimatedRevenue', 'prospectContact', 'relatedParty', 'characteristic'];
const KNOWN = new Set([...READ_ONLY, ...DECIDED_CENTRALLY, ...ECHOED, ...MAPPED]);
const STRINGS = ['name', 'description', 'type', 'referredDate', '@baseType', '@schemaLocation', '@type'];
const REFS = ['marketingCampaign', 'marketSegment', 'productOffering', 'productSpecification', 'product'];
export const CHARACTERISTICS = ['purchaseTimeframe', 'budgetStatus', 'source'] as const;
const MAX_NAME = 200;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Case-insensitive match against an option list, answering the list's own spelling. */
function option(list: readonly string[], value: string | undefined): string | undefined {
  return value === undefined ? undefined : list.find((entry) => entry.toLowerCase() === value.toLowerCase());
}

function countryCode(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const wanted = value.toLowerCase();
  return LEAD_OPTIONS.countries.find((c) => c.code.toLowerCase() === wanted || c.name.toLowerCase() === wanted)?.code;
}

function objects(body: JsonObject, name: string, problems: string[]): JsonObject[] {
  const value = body[name];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isObject)) {
    problems.push(`${name} must be an array of objects`);
    return [];
  }
  return value;
}

function checkShapes(body: JsonObject, problems: string[]): void {
  const readOnly = READ_ONLY.filter((key) => body[key] !== undefined);
  if (readOnly.length > 0)
    problems.push(
      `${readOnly.join(', ')} ${readOnly.length > 1 ? 'are' : 'is'} set by the server; leave ${readOnly.length > 1 ? 'them' : 'it'} out`,
    );
  const decided = DECIDED_CENTRALLY.filter((key) => body[key] !== undefined);
  if (decided.length > 0) {
    problems.push(
      `${decided.join(', ')}: decided by the lead processing engine and the sales rep, not on create; leave ${decided.length > 1 ? 'them' : 'it'} out (say where the lead came from with characteristic "source")`,
    );
  }
  const unknown = Object.keys(body).filter((key) => !KNOWN.has(key));
  if (unknown.length > 0)
    problems.push(
      `Unknown attribute${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 10).join(', ')}; send SalesLead_Create attributes only`,
    );
  for (const key of STRINGS) if (body[key] !== undefined && typeof body[key] !== 'string') problems.push(`${key} must be a string`);
  for (const key of REFS) {
    const ref = body[key];
    if (ref !== undefined && (!isObject(ref) || typeof ref.id !== 'string' || ref.id === ''))
      problems.push(`${key} must be a reference with an id`);
  }
  const name = text(body.name);
  if (name === undefined) problems.push('name is required: the name of the sales lead');
  else if (name.length > MAX_NAME) problems.push(`name must be at most ${MAX_NAME} characters`);
  if (body.priority !== undefined && !(SALES_LEAD_PRIORITIES as readonly unknown[]).includes(body.priority)) {
    problems.push(`priority must be one of ${SALES_LEAD_PRIORITIES.join(', ')}`);
  }
  if (typeof body.referredDate === 'string' && Number.isNaN(Date.parse(body.referredDate)))
    problems.push('referredDate must be a date-time, e.g. 2026-11-20T10:00:00Z');
  if (body.validFor !== undefined && !isObject(body.validFor)) problems.push('validFor must be a time period {startDateTime, endDateTime}');
  if (objects(body, 'note', problems).some((note) => typeof note.text !== 'string')) problems.push('Every note needs a text');
}

interface Parties {
  company?: string;
  contactName?: string;
  salesRep?: string;
  kept: JsonObject[];
}

function readParties(body: JsonObject, problems: string[]): Parties {
  const parties: Parties = { kept: [] };
  objects(body, 'relatedParty', problems).forEach((party, index) => {
    if (typeof party.id !== 'string' || party.id === '' || typeof party['@referredType'] !== 'string') {
      problems.push(`relatedParty[${index}] needs an id and an @referredType (e.g. "Organization")`);
      return;
    }
    if (party.role === PARTY_ROLES.salesRep) {
      parties.salesRep = party.id;
      return;
    }
    if (party.role === PARTY_ROLES.prospect) parties.company = text(party.name);
    if (party.role === PARTY_ROLES.contact) parties.contactName = text(party.name);
    parties.kept.push(party);
  });
  return parties;
}

interface Media {
  email?: string;
  phone?: string;
  country?: string;
}

function readMedia(body: JsonObject, problems: string[]): Media {
  const media: Media = {};
  const list = objects(body, 'prospectContact', problems);
  for (const [index, medium] of list.entries()) {
    const c = medium.characteristic;
    if (!isObject(c)) {
      problems.push(`prospectContact[${index}] needs a characteristic (emailAddress, phoneNumber or country)`);
      continue;
    }
    media.email ??= text(c.emailAddress);
    media.phone ??= text(c.phoneNumber);
    media.country ??= text(c.country);
  }
  return media;
}

function readCharacteristics(body: JsonObject, problems: string[]): Partial<Record<(typeof CHARACTERISTICS)[number], string>> {
  const values: Partial<Record<(typeof CHARACTERISTICS)[number], string>> = {};
  for (const entry of objects(body, 'characteristic', problems)) {
    const name = CHARACTERISTICS.find((known) => known === entry.name);
    if (name === undefined) {
      problems.push(`characteristic "${String(entry.name).slice(0, 64)}" is not known; use ${CHARACTERISTICS.join(', ')}`);
    } else if (typeof entry.value !== 'string') {
      problems.push(`characteristic ${name} needs a text value`);
    } else {
      values[name] = entry.value.trim();
    }
  }
  return values;
}

/** Without a source characteristic: a campaign lead is a campaign's, a partner's a referral. */
function defaultSource(body: JsonObject, parties: Parties): string {
  if (body.marketingCampaign !== undefined) return 'Campaign';
  if (parties.kept.some((party) => party.role === 'partner' || party.role === 'referrer')) return 'Partner referral';
  return 'Other';
}

function readRevenue(body: JsonObject, problems: string[]): number | undefined {
  const money = body.estimatedRevenue;
  if (money === undefined) {
    problems.push('estimatedRevenue is required: {unit: "USD", value: <whole dollars>} (the rule sets compare it)');
    return undefined;
  }
  if (!isObject(money) || money.unit !== 'USD') {
    problems.push('estimatedRevenue must be {unit: "USD", value: <whole dollars>}; the rule sets compare US dollars');
    return undefined;
  }
  const value = money.value;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    problems.push('estimatedRevenue.value must be a whole number of dollars, 0 or more');
    return undefined;
  }
  return value;
}

/** Notes the problem when missing; parseSalesLeadCreate throws before a missing value is used. */
function required<T>(value: T | undefined, problem: string, problems: string[]): T {
  if (value === undefined) problems.push(problem);
  return value as T;
}

export function parseSalesLeadCreate(body: unknown): LeadIntake {
  if (!isObject(body)) throw badRequest('The body must be a SalesLead_Create JSON object with at least a name');
  const problems: string[] = [];
  checkShapes(body, problems);
  const parties = readParties(body, problems);
  const media = readMedia(body, problems);
  const characteristics = readCharacteristics(body, problems);
  const category = isObject(body.category) ? (text(body.category.name) ?? text(body.category.id)) : undefined;
  const options = LEAD_OPTIONS;
  const fields: LeadFieldsIn = {
    company: parties.company ?? text(body.name) ?? '',
    contactName: required(
      parties.contactName,
      'relatedParty with role "contact" (@referredType Individual) and a name is required: the person to contact',
      problems,
    ),
    ...(media.email === undefined ? {} : { email: media.email }),
    ...(media.phone === undefined ? {} : { phone: media.phone }),
    country: required(
      countryCode(media.country),
      `prospectContact characteristic.country is required: one of ${options.countries.map((c) => c.code).join(', ')}`,
      problems,
    ),
    productCategory: required(
      option(options.productCategories, category),
      `category is required: {id, name} with name one of ${options.productCategories.join(', ')}`,
      problems,
    ),
    purchaseTimeframe: required(
      option(options.purchaseTimeframes, characteristics.purchaseTimeframe),
      `characteristic purchaseTimeframe is required: one of ${options.purchaseTimeframes.join(', ')}`,
      problems,
    ),
    purchaseAmount: readRevenue(body, problems) ?? 0,
    budgetStatus: required(
      option(options.budgetStatuses, characteristics.budgetStatus),
      `characteristic budgetStatus is required: one of ${options.budgetStatuses.join(', ')}`,
      problems,
    ),
    source:
      characteristics.source === undefined
        ? defaultSource(body, parties)
        : required(
            option(options.sources, characteristics.source),
            `characteristic source must be one of ${options.sources.join(', ')}`,
            problems,
          ),
  };
  if (media.email === undefined && media.phone === undefined) {
    problems.push('prospectContact needs an emailAddress or a phoneNumber so the lead can be reached');
  }
  if (problems.length > 0) throw badRequest(problems.join('; '));
  const received: JsonObject = Object.fromEntries(ECHOED.filter((key) => body[key] !== undefined).map((key) => [key, body[key]]));
  if (parties.kept.length > 0) received.relatedParty = parties.kept;
  return { fields, ...(parties.salesRep === undefined ? {} : { salesRep: parties.salesRep }), received };
}
