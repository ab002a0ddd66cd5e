import type { CatalogResourceName } from './catalogTypes';

/** JSON type of a first-level attribute; every `object` and every array item is a JSON object. */
export type AttributeType = 'string' | 'boolean' | 'number' | 'integer' | 'object' | 'array';

type Groups = Partial<Record<AttributeType, string>>;

function attributes(groups: Groups): Readonly<Record<string, AttributeType>> {
  const table: Record<string, AttributeType> = {};
  for (const [type, names] of Object.entries(groups) as [AttributeType, string][]) {
    for (const name of names.split(/\s+/).filter(Boolean)) table[name] = type;
  }
  return table;
}

const COMMON = 'description lastUpdate lifecycleStatus name version @baseType @schemaLocation @type';

/**
 * The `<Resource>_Create` attributes of TMF620 v4.1.0 with their JSON types, transcribed from
 * the swagger (catalogSpec.test.ts compares them with it). The `_Update` attributes are the
 * same minus the ones in UPDATE_EXCLUDED.
 */
export const CREATE_ATTRIBUTES: Readonly<Record<CatalogResourceName, Readonly<Record<string, AttributeType>>>> = {
  productOffering: attributes({
    string: `${COMMON} statusReason`,
    boolean: 'isBundle isSellable',
    array: `agreement attachment bundledProductOffering category channel marketSegment place prodSpecCharValueUse
            productOfferingPrice productOfferingRelationship productOfferingTerm`,
    object: 'productSpecification resourceCandidate serviceCandidate serviceLevelAgreement validFor',
  }),
  productSpecification: attributes({
    string: `${COMMON} brand productNumber`,
    boolean: 'isBundle',
    array: `attachment bundledProductSpecification productSpecCharacteristic productSpecificationRelationship relatedParty
            resourceSpecification serviceSpecification`,
    object: 'targetProductSchema validFor',
  }),
  productOfferingPrice: attributes({
    string: `${COMMON} priceType recurringChargePeriodType`,
    boolean: 'isBundle',
    number: 'percentage',
    integer: 'recurringChargePeriodLength',
    array: 'bundledPopRelationship constraint place popRelationship pricingLogicAlgorithm prodSpecCharValueUse productOfferingTerm tax',
    object: 'price unitOfMeasure validFor',
  }),
  category: attributes({
    string: `${COMMON} parentId`,
    boolean: 'isRoot',
    array: 'productOffering subCategory',
    object: 'validFor',
  }),
  catalog: attributes({
    string: `${COMMON} catalogType`,
    array: 'category relatedParty',
    object: 'validFor',
  }),
};

/** Create-only attributes: `_Update` leaves them out (the server keeps @type and stamps lastUpdate). */
export const UPDATE_EXCLUDED: ReadonlySet<string> = new Set(['@baseType', '@type', 'lastUpdate']);

/** Set by the server, never by the client. */
export const SERVER_OWNED: ReadonlySet<string> = new Set(['id', 'href']);

/**
 * References between catalog resources: `field` of a `from` resource points at `to` resources
 * by id. Writes must reference existing resources; a referenced resource cannot be deleted.
 */
export interface CatalogReference {
  from: CatalogResourceName;
  field: string;
  to: CatalogResourceName;
  /** An array of references (true) or a single one. */
  many: boolean;
}

export const CATALOG_REFERENCES: readonly CatalogReference[] = [
  { from: 'productOffering', field: 'productSpecification', to: 'productSpecification', many: false },
  { from: 'productOffering', field: 'productOfferingPrice', to: 'productOfferingPrice', many: true },
  { from: 'productOffering', field: 'category', to: 'category', many: true },
  { from: 'productOffering', field: 'bundledProductOffering', to: 'productOffering', many: true },
  { from: 'productSpecification', field: 'bundledProductSpecification', to: 'productSpecification', many: true },
  { from: 'productOfferingPrice', field: 'popRelationship', to: 'productOfferingPrice', many: true },
  { from: 'productOfferingPrice', field: 'bundledPopRelationship', to: 'productOfferingPrice', many: true },
  { from: 'category', field: 'subCategory', to: 'category', many: true },
  { from: 'category', field: 'productOffering', to: 'productOffering', many: true },
  { from: 'catalog', field: 'category', to: 'category', many: true },
];
