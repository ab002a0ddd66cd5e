import type { JsonObject } from '../platform/json';

/** TMF620 Product Catalog Management v4 (swagger basePath). */
export const CATALOG_BASE = '/tmf-api/productCatalogManagement/v4';
/** Event `domain` of every TMF620 notification. */
export const CATALOG_DOMAIN = 'productCatalogManagement';

export const CATALOG_RESOURCES = ['productOffering', 'productSpecification', 'productOfferingPrice', 'category', 'catalog'] as const;
/** Path segment, `tmf_resources.kind` and event resource name at once, e.g. `productOffering`. */
export type CatalogResourceName = (typeof CATALOG_RESOURCES)[number];

/** The `@type` of each resource and the prefix of its event types (ProductOfferingCreateEvent...). */
export const TYPE_NAMES: Readonly<Record<CatalogResourceName, string>> = {
  productOffering: 'ProductOffering',
  productSpecification: 'ProductSpecification',
  productOfferingPrice: 'ProductOfferingPrice',
  category: 'Category',
  catalog: 'Catalog',
};

export function catalogHref(resource: CatalogResourceName, id: string): string {
  return `${CATALOG_BASE}/${resource}/${encodeURIComponent(id)}`;
}

/** A reference to another catalog resource (CategoryRef, ProductOfferingPriceRef, ...). */
export interface CatalogRef extends JsonObject {
  id: string;
  href?: string;
  name?: string;
  '@referredType'?: string;
}

/** What every stored TMF620 resource carries (the server sets id, href, @type, lastUpdate). */
export interface CatalogResource extends JsonObject {
  id: string;
  href: string;
  name: string;
  '@type': string;
  lastUpdate: string;
  lifecycleStatus?: string;
  version?: string;
  description?: string;
}

export interface Money extends JsonObject {
  unit: string;
  value: number;
}

/** ProductSpecificationCharacteristicValueUse: "this price applies when <name> is <value>". */
export interface CharValueUse extends JsonObject {
  name: string;
  productSpecCharacteristicValue: { value: unknown }[];
  productSpecification?: CatalogRef;
}

/** TMF620 ProductOfferingTerm: a commitment period the offering is sold with (a bundle's contract terms). */
export interface ProductOfferingTerm extends JsonObject {
  name: string;
  description?: string;
  duration?: { amount: number; units: string };
}

/** TMF620 BundledProductOffering: a component of a bundle, with how many of it the bundle takes. */
export interface BundledProductOffering extends CatalogRef {
  bundledProductOfferingOption?: {
    numberRelOfferLowerLimit?: number;
    numberRelOfferUpperLimit?: number;
    numberRelOfferDefault?: number;
  };
}

/**
 * TMF620 ProductOfferingRelationship: a compatibility rule towards another offering. The app reads
 * relationshipType requires / excludes / oneOf; entries with the same type and role form one rule.
 */
export interface ProductOfferingRelationship extends CatalogRef {
  relationshipType?: string;
  role?: string;
}

export interface ProductOffering extends CatalogResource {
  isBundle?: boolean;
  isSellable?: boolean;
  bundledProductOffering?: BundledProductOffering[];
  productOfferingRelationship?: ProductOfferingRelationship[];
  productSpecification?: CatalogRef;
  productOfferingTerm?: ProductOfferingTerm[];
  productOfferingPrice?: CatalogRef[];
  category?: CatalogRef[];
}

export interface CharacteristicValueSpecification extends JsonObject {
  value: unknown;
  isDefault?: boolean;
  valueType?: string;
}

export interface ProductSpecCharacteristic extends JsonObject {
  name: string;
  valueType?: string;
  configurable?: boolean;
  minCardinality?: number;
  maxCardinality?: number;
  productSpecCharacteristicValue?: CharacteristicValueSpecification[];
}

export interface ProductSpecification extends CatalogResource {
  isBundle?: boolean;
  productSpecCharacteristic?: ProductSpecCharacteristic[];
}

/** priceType: oneTime | recurring (charges) or discount (an alteration other prices point to). */
export interface ProductOfferingPrice extends CatalogResource {
  priceType?: string;
  recurringChargePeriodType?: string;
  recurringChargePeriodLength?: number;
  price?: Money;
  percentage?: number;
  prodSpecCharValueUse?: CharValueUse[];
  popRelationship?: (CatalogRef & { relationshipType?: string })[];
}

export interface Category extends CatalogResource {
  isRoot?: boolean;
}

export interface Catalog extends CatalogResource {
  catalogType?: string;
  category?: CatalogRef[];
}
