/**
 * TMF620B Product Catalog Management conformance profile v4.0.0 (R19/R20), "resource
 * mandatory attributes", transcribed rule by rule (docs/conformance.md lists them with the
 * tests that cover them). `response` rules are the provider's to fill; `both` rules are
 * also refused in requests, so a stored resource always meets them.
 */
import type { ProfileRule } from '../platform/tmf/profileRules';
import type { CatalogResourceName } from './catalogTypes';

const bundle = (node: Record<string, unknown>) => node.isBundle === true;
const notBundle = (node: Record<string, unknown>) => node.isBundle === false;
const IF_BUNDLE = 'isBundle is true';
const IF_NOT_BUNDLE = 'isBundle is false';

/** href, id, lastUpdate, lifecycleStatus, name: "M (in response messages)" for all three resources. */
const RESPONSE = ['href', 'id', 'lastUpdate', 'lifecycleStatus', 'name'] as const;

const ref = (id: string, at: string, required: readonly string[] = ['id']): ProfileRule => ({ id, at, required, scope: 'both' });
const schema = (id: string, at: string): ProfileRule => ({ id, at, required: ['@schemaLocation', '@type'], scope: 'both' });

export const PRODUCT_OFFERING_RULES: readonly ProfileRule[] = [
  { id: 'TMF620-PO-01', at: '', required: RESPONSE, scope: 'response' },
  { id: 'TMF620-PO-02', at: '', required: ['bundledProductOffering'], when: bundle, condition: IF_BUNDLE, scope: 'both' },
  { id: 'TMF620-PO-03', at: '', required: ['productSpecification'], when: notBundle, condition: IF_NOT_BUNDLE, scope: 'both' },
  // "productSpecification O (if isBundle is true must be empty)": a bundle's contract terms are its
  // productOfferingTerms, which the reps' offerings projection reads (offeringProjection.ts).
  { id: 'TMF620-PO-17', at: '', empty: ['productSpecification'], when: bundle, condition: IF_BUNDLE, scope: 'both' },
  ref('TMF620-PO-04', 'productSpecification'),
  schema('TMF620-PO-05', 'productSpecification.targetProductSchema'),
  ref('TMF620-PO-06', 'agreement'),
  ref('TMF620-PO-07', 'category'),
  ref('TMF620-PO-08', 'channel'),
  ref('TMF620-PO-09', 'marketSegment'),
  ref('TMF620-PO-10', 'productOfferingPrice'),
  ref('TMF620-PO-11', 'resourceCandidate'),
  ref('TMF620-PO-12', 'serviceCandidate'),
  ref('TMF620-PO-13', 'serviceLevelAgreement'),
  ref('TMF620-PO-14', 'place', ['@referredType', 'id']),
  ref('TMF620-PO-15', 'prodSpecCharValueUse.productSpecification'),
  schema('TMF620-PO-16', 'prodSpecCharValueUse.productSpecification.targetProductSchema'),
];

export const PRODUCT_OFFERING_PRICE_RULES: readonly ProfileRule[] = [
  { id: 'TMF620-POP-01', at: '', required: RESPONSE, scope: 'response' },
  { id: 'TMF620-POP-02', at: '', required: ['bundledPopRelationship'], when: bundle, condition: IF_BUNDLE, scope: 'both' },
  { id: 'TMF620-POP-03', at: '', empty: ['bundledPopRelationship'], when: notBundle, condition: IF_NOT_BUNDLE, scope: 'both' },
  // "M (if isBundle is false)": a price that is not a bundle of prices has a type.
  { id: 'TMF620-POP-04', at: '', required: ['priceType'], when: notBundle, condition: IF_NOT_BUNDLE, scope: 'both' },
  ref('TMF620-POP-05', 'constraint'),
  ref('TMF620-POP-06', 'place', ['@referredType', 'id']),
  ref('TMF620-POP-07', 'prodSpecCharValueUse.productSpecification'),
  schema('TMF620-POP-08', 'prodSpecCharValueUse.productSpecification.targetProductSchema'),
];

export const PRODUCT_SPECIFICATION_RULES: readonly ProfileRule[] = [
  { id: 'TMF620-PS-01', at: '', required: RESPONSE, scope: 'response' },
  { id: 'TMF620-PS-02', at: '', required: ['bundledProductSpecification'], when: bundle, condition: IF_BUNDLE, scope: 'both' },
  { id: 'TMF620-PS-03', at: '', empty: ['bundledProductSpecification'], when: notBundle, condition: IF_NOT_BUNDLE, scope: 'both' },
  ref('TMF620-PS-04', 'resourceSpecification'),
  ref('TMF620-PS-05', 'serviceSpecification'),
  ref('TMF620-PS-06', 'relatedParty', ['@referredType', 'id']),
  schema('TMF620-PS-07', 'targetProductSchema'),
];

/** Catalog and Category are not mandatory resources of the profile; they get the response rule only. */
export const CATALOG_PROFILE: Readonly<Record<CatalogResourceName, readonly ProfileRule[]>> = {
  productOffering: PRODUCT_OFFERING_RULES,
  productOfferingPrice: PRODUCT_OFFERING_PRICE_RULES,
  productSpecification: PRODUCT_SPECIFICATION_RULES,
  category: [{ id: 'TMF620-CAT-01', at: '', required: RESPONSE, scope: 'response' }],
  catalog: [{ id: 'TMF620-CATALOG-01', at: '', required: RESPONSE, scope: 'response' }],
};

/** The provider default where the client left lifecycleStatus out (TMF620 recommended lifecycle starts In Study / In Design). */
export const DEFAULT_LIFECYCLE_STATUS = 'In Design';
