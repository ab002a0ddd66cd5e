import type { RxJsonSchema } from 'rxdb';
import { accountSchema, type AccountDoc } from './account.schema';
import { contactSchema, type ContactDoc } from './contact.schema';
import { leadSchema, type LeadDoc } from './lead.schema';
import { offeringSchema, type OfferingDoc } from './offering.schema';
import { opportunitySchema, type OpportunityDoc } from './opportunity.schema';
import { orderSchema, type OrderDoc } from './order.schema';
import { orderAttachmentSchema, type OrderAttachmentDoc } from './orderAttachment.schema';
import { productSchema, type ProductDoc } from './product.schema';
import { quoteSchema, type QuoteDoc } from './quote.schema';
import { policySchema, type PolicyDoc } from './policy.schema';
import { ruleSetSchema, type RuleSetDoc } from './ruleSet.schema';

export type {
  AccountDoc,
  ContactDoc,
  LeadDoc,
  OfferingDoc,
  OpportunityDoc,
  OrderAttachmentDoc,
  OrderDoc,
  PolicyDoc,
  ProductDoc,
  QuoteDoc,
  RuleSetDoc,
};

/** Document type of each collection, by collection name. */
export interface CollectionDocs {
  leads: LeadDoc;
  accounts: AccountDoc;
  contacts: ContactDoc;
  opportunities: OpportunityDoc;
  quotes: QuoteDoc;
  orders: OrderDoc;
  orderAttachments: OrderAttachmentDoc;
  products: ProductDoc;
  offerings: OfferingDoc;
  ruleSets: RuleSetDoc;
  policies: PolicyDoc;
}
export type CollectionName = keyof CollectionDocs;

/** Collections a rep writes; the central system scopes them to their owner. */
export const OWNED_COLLECTIONS = ['leads', 'accounts', 'contacts', 'opportunities', 'quotes', 'orders', 'orderAttachments'] as const;
/** Owned by a rep and scoped to them like the above, but written only by the central system (installed products). */
export const SERVER_OWNED_COLLECTIONS = ['products'] as const;
/** Reference data everyone reads and only the central system writes. */
export const REFERENCE_COLLECTIONS = ['offerings', 'ruleSets', 'policies'] as const;
export const COLLECTION_NAMES: readonly CollectionName[] = [...OWNED_COLLECTIONS, ...SERVER_OWNED_COLLECTIONS, ...REFERENCE_COLLECTIONS];
export type RepWritableCollectionName = (typeof OWNED_COLLECTIONS)[number];
export type OwnedCollectionName = RepWritableCollectionName | (typeof SERVER_OWNED_COLLECTIONS)[number];

export function isCollectionName(name: string): name is CollectionName {
  return (COLLECTION_NAMES as readonly string[]).includes(name);
}
/** Scoped to an owner: pulls, streams and stored documents carry the owning rep. */
export function isOwnedCollection(name: string): name is OwnedCollectionName {
  return isRepWritableCollection(name) || (SERVER_OWNED_COLLECTIONS as readonly string[]).includes(name);
}
/** The only collections the app pushes; everything else is written by the central system. */
export function isRepWritableCollection(name: string): name is RepWritableCollectionName {
  return (OWNED_COLLECTIONS as readonly string[]).includes(name);
}

/**
 * Old-version document -> new-version document, keyed by the version being migrated to.
 * Every schema `version` bump adds an entry here and a test over a stored old-version fixture.
 */
export type MigrationStrategies = Record<number, (oldDoc: Record<string, unknown>) => Record<string, unknown> | null>;

export interface CollectionDefinition<N extends CollectionName> {
  schema: RxJsonSchema<CollectionDocs[N]>;
  migrationStrategies: MigrationStrategies;
}

/**
 * Version 1 encrypts conflictCopy at rest. The document itself does not change: the store
 * decrypts with the old schema and writes it back encrypted under the new one.
 */
const TO_VERSION_1: MigrationStrategies = { 1: (oldDoc) => oldDoc };
/**
 * Version 2 (the six rep-written collections) adds the pending-changes index (PENDING_INDEX);
 * again the document does not change, the store rewrites it under the indexed schema.
 */
const TO_VERSION_2: MigrationStrategies = { ...TO_VERSION_1, 2: (oldDoc) => oldDoc };
/**
 * Accounts version 3 adds the hierarchy (`parentAccountId`) and a site's `name`, both optional:
 * an older account is a top-level account whose sites are named by their street.
 */
const ACCOUNTS_TO_VERSION_3: MigrationStrategies = { ...TO_VERSION_2, 3: (oldDoc) => oldDoc };
/**
 * Quotes version 3 add the optional, encrypted `signature`, the discounts and the approver's decision:
 * a v2 quote had none of them, so none changes.
 */
const QUOTES_TO_VERSION_3: MigrationStrategies = { ...TO_VERSION_2, 3: (oldDoc) => oldDoc };
/**
 * Leads version 3 adds the optional `statusChangeReason` and `ruleSetVersions`; no stored lead has
 * either yet, so none changes (a lead processed before has no versions: central skips its drift check).
 */
const LEADS_TO_VERSION_3: MigrationStrategies = { ...TO_VERSION_2, 3: (oldDoc) => oldDoc };
/**
 * Leads version 4 adds the optional, encrypted merge fields (`mergedIntoId`, `mergeHistory`): no older
 * lead was merged; and the optional `ruleSetVersions`: an older lead does not say which rule sets made
 * its result, so the drift check skips it.
 */
const LEADS_TO_VERSION_4: MigrationStrategies = { ...LEADS_TO_VERSION_3, 4: (oldDoc) => oldDoc };
/**
 * Orders version 3: a direct order has no `quoteId`; `paymentTerms`, `approval`, `supplementOf`
 * `cancellationReason`, `delta` (an order that changes an installed product) and `informationAnswer`
 * (the rep's answer to an information request), `partialAcceptance` and `partialAcceptanceNoted` (a partial
 * delivery the rep accepted, and the central system's note of it) and `charges` (charges and tax
 * stamped from the charge table) are new and optional.
 * An older order came from a quote with the standard terms, needed no approval and ordered new
 * products, which is what a document without them means.
 */
const ORDERS_TO_VERSION_3: MigrationStrategies = { ...TO_VERSION_2, 3: (oldDoc) => oldDoc };

/**
 * Offerings version 1 adds compatibility rules and bundle components, both optional: an older
 * offering has no rules, and the next pull of the catalog brings them.
 */
const OFFERINGS_TO_VERSION_1: MigrationStrategies = { 1: (oldDoc) => oldDoc };

/**
 * Rule sets version 1 add the required `version`. Before it every set had only ever been published
 * once (the seed), so an older set is version 1, as the central system's migration also says.
 */
const RULE_SETS_TO_VERSION_1: MigrationStrategies = { 1: (oldDoc) => ({ ...oldDoc, version: 1 }) };

/**
 * Policies version 1 adds the kind `discount` with its optional `levels`, and the orderApproval
 * fields become optional (each kind's reader checks its own): every stored v0 policy is a complete
 * orderApproval policy, so none changes.
 */
const POLICIES_TO_VERSION_1: MigrationStrategies = { 1: (oldDoc) => oldDoc };
/** Policies version 2 adds the kind `charges` with its optional fields: no stored policy changes. */
const POLICIES_TO_VERSION_2: MigrationStrategies = { ...POLICIES_TO_VERSION_1, 2: (oldDoc) => oldDoc };

export const COLLECTIONS: { [N in CollectionName]: CollectionDefinition<N> } = {
  leads: { schema: leadSchema, migrationStrategies: LEADS_TO_VERSION_4 },
  accounts: { schema: accountSchema, migrationStrategies: ACCOUNTS_TO_VERSION_3 },
  contacts: { schema: contactSchema, migrationStrategies: TO_VERSION_2 },
  opportunities: { schema: opportunitySchema, migrationStrategies: TO_VERSION_2 },
  quotes: { schema: quoteSchema, migrationStrategies: QUOTES_TO_VERSION_3 },
  orders: { schema: orderSchema, migrationStrategies: ORDERS_TO_VERSION_3 },
  orderAttachments: { schema: orderAttachmentSchema, migrationStrategies: {} },
  products: { schema: productSchema, migrationStrategies: TO_VERSION_1 },
  offerings: { schema: offeringSchema, migrationStrategies: OFFERINGS_TO_VERSION_1 },
  ruleSets: { schema: ruleSetSchema, migrationStrategies: RULE_SETS_TO_VERSION_1 },
  policies: { schema: policySchema, migrationStrategies: POLICIES_TO_VERSION_2 },
};
