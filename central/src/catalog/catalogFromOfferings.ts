import type { OfferingDoc } from '../../../shared/schemas';
import {
  catalogHref,
  TYPE_NAMES,
  type Catalog,
  type CatalogRef,
  type CatalogResource,
  type CatalogResourceName,
  type Category,
  type CharValueUse,
  type ProductOffering,
  type ProductOfferingPrice,
  type ProductOfferingTerm,
  type ProductSpecification,
} from './catalogTypes';
import { TERM_CHARACTERISTIC } from './offeringProjection';

type Condition = NonNullable<OfferingDoc['prices'][number]['when']>;

/** The catalog every seeded category belongs to. */
export interface CatalogHeader {
  id: string;
  name: string;
  version: string;
  description?: string;
}

export type CatalogResources = { [K in CatalogResourceName]: CatalogResource[] };

/** The state a seeded resource is in: Launched, or Retired for a retired offering. */
const LAUNCHED = 'Launched';

function ref(resource: CatalogResourceName, id: string, name?: string): CatalogRef {
  return { id, href: catalogHref(resource, id), ...(name !== undefined ? { name } : {}), '@referredType': TYPE_NAMES[resource] };
}

function base(resource: CatalogResourceName, id: string, name: string, version: string, lastUpdate: string): CatalogResource {
  return { id, href: catalogHref(resource, id), '@type': TYPE_NAMES[resource], name, version, lastUpdate };
}

const stem = (offeringId: string) => offeringId.replace(/^off-/, '');
export const specificationIdOf = (offeringId: string) => `spec-${stem(offeringId)}`;
export const categoryIdOf = (name: string) =>
  `cat-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
const discountIdOf = (offeringId: string, index: number) => `disc-${stem(offeringId)}-${index + 1}`;

/** `specification` undefined: a bundle's price, whose condition is one of the bundle's terms, not a specification's characteristic. */
function valueUse(when: Condition, specification: CatalogRef | undefined): CharValueUse {
  return {
    name: when.characteristic,
    productSpecCharacteristicValue: [{ value: when.value }],
    ...(specification ? { productSpecification: specification } : {}),
  };
}

/** A bundle's characteristics are its contract terms ("24 months"): TMF620 productOfferingTerms on the offering. */
function termsOf(doc: OfferingDoc): ProductOfferingTerm[] {
  const other = doc.characteristics.filter((characteristic) => characteristic.name !== TERM_CHARACTERISTIC);
  if (other.length > 0) {
    throw new Error(
      `Bundle ${doc.id} has characteristics other than '${TERM_CHARACTERISTIC}' (${other.map((c) => c.name).join(', ')}); a bundle has no specification of its own, so give them to the offerings it bundles`,
    );
  }
  const term = doc.characteristics.find((characteristic) => characteristic.name === TERM_CHARACTERISTIC);
  if (!term) return [];
  // The default first: a term has no isDefault, so the projection takes the first as the default.
  const ordered = [term.default, ...term.values.filter((value) => value !== term.default)];
  return ordered.map((name) => {
    const months = /^(\d+) months?$/.exec(name);
    return { name, ...(months ? { duration: { amount: Number(months[1]), units: 'month' } } : {}), '@type': 'ProductOfferingTerm' };
  });
}

/** A bundle's specification names the specifications it bundles and has no characteristics (its terms are the offering's). */
function specificationOf(doc: OfferingDoc): ProductSpecification {
  return {
    ...base('productSpecification', specificationIdOf(doc.id), doc.name, doc.catalogVersion, doc.updatedAt),
    lifecycleStatus: doc.lifecycleStatus,
    isBundle: doc.isBundle,
    // TMF620B: a bundle specification names the specifications it bundles.
    ...(doc.bundledOfferingIds
      ? {
          bundledProductSpecification: doc.bundledOfferingIds.map((id) => ({
            id: specificationIdOf(id),
            href: catalogHref('productSpecification', specificationIdOf(id)),
          })),
        }
      : {}),
    productSpecCharacteristic: (doc.isBundle ? [] : doc.characteristics).map((characteristic) => ({
      name: characteristic.name,
      valueType: 'string',
      configurable: true,
      minCardinality: 1,
      maxCardinality: 1,
      productSpecCharacteristicValue: characteristic.values.map((value) => ({
        value,
        valueType: 'string',
        isDefault: value === characteristic.default,
      })),
    })),
  };
}

function pricesOf(doc: OfferingDoc, specification: CatalogRef | undefined): ProductOfferingPrice[] {
  const discounts = (doc.discounts ?? []).map((discount, index): ProductOfferingPrice => ({
    ...base('productOfferingPrice', discountIdOf(doc.id, index), discount.name, doc.catalogVersion, doc.updatedAt),
    lifecycleStatus: LAUNCHED,
    priceType: 'discount',
    percentage: discount.percent,
    prodSpecCharValueUse: [valueUse(discount.when, specification)],
  }));
  const charges = doc.prices.map((price): ProductOfferingPrice => {
    const alteredBy = discounts.filter((_, index) => doc.discounts?.[index]?.appliesTo === price.priceType);
    return {
      ...base('productOfferingPrice', price.id, price.name, doc.catalogVersion, doc.updatedAt),
      lifecycleStatus: LAUNCHED,
      priceType: price.priceType,
      ...(price.recurringChargePeriod ? { recurringChargePeriodType: price.recurringChargePeriod, recurringChargePeriodLength: 1 } : {}),
      price: { unit: price.currency, value: price.amount / 100 },
      ...(price.when ? { prodSpecCharValueUse: [valueUse(price.when, specification)] } : {}),
      ...(alteredBy.length > 0
        ? {
            popRelationship: alteredBy.map((discount) => ({
              ...ref('productOfferingPrice', discount.id, discount.name),
              relationshipType: 'discount',
            })),
          }
        : {}),
    };
  });
  return [...charges, ...discounts];
}

function offeringOf(
  doc: OfferingDoc,
  names: ReadonlyMap<string, string>,
  specification: ProductSpecification,
  prices: readonly ProductOfferingPrice[],
): ProductOffering {
  return {
    ...base('productOffering', doc.id, doc.name, doc.catalogVersion, doc.updatedAt),
    ...(doc.description !== undefined ? { description: doc.description } : {}),
    lifecycleStatus: doc.lifecycleStatus,
    isBundle: doc.isBundle,
    isSellable: true,
    ...(doc.bundledOfferings
      ? {
          bundledProductOffering: doc.bundledOfferings.map((component) => ({
            ...ref('productOffering', component.offeringId, component.name),
            bundledProductOfferingOption: {
              numberRelOfferLowerLimit: component.min,
              numberRelOfferUpperLimit: component.max,
              numberRelOfferDefault: component.min,
            },
          })),
        }
      : doc.bundledOfferingIds
        ? {
            bundledProductOffering: doc.bundledOfferingIds.map((id) => ({
              id,
              href: catalogHref('productOffering', id),
              ...(names.has(id) ? { name: names.get(id) } : {}),
            })),
          }
        : {}),
    ...(doc.relationships
      ? {
          productOfferingRelationship: doc.relationships.flatMap((rule) =>
            rule.offerings.map((target) => ({
              ...ref('productOffering', target.id, target.name),
              relationshipType: rule.kind,
              role: rule.role,
            })),
          ),
        }
      : {}),
    // TMF620B: productSpecification must be empty when isBundle is true; the bundle's terms carry its contract term.
    ...(doc.isBundle
      ? { productOfferingTerm: termsOf(doc) }
      : { productSpecification: { ...ref('productSpecification', specification.id, specification.name), version: doc.catalogVersion } }),
    productOfferingPrice: prices.map((price) => ref('productOfferingPrice', price.id, price.name)),
    category: [ref('category', categoryIdOf(doc.category), doc.category)],
    validFor: { startDateTime: doc.updatedAt },
  };
}

/**
 * The TMF620 resources for catalog documents authored in the app's OfferingDoc shape (the
 * demo seed): per offering a ProductOffering, its ProductSpecification with the characteristics,
 * its ProductOfferingPrices (charges with their conditions, discounts as alterations the charges
 * point at), a Category per category name, and one Catalog holding the categories.
 * offeringDocFrom over these resources gives the documents back unchanged.
 */
export function catalogFromOfferings(docs: readonly OfferingDoc[], header: CatalogHeader): CatalogResources {
  const names = new Map(docs.map((doc) => [doc.id, doc.name]));
  const resources: CatalogResources = {
    productOffering: [],
    productSpecification: [],
    productOfferingPrice: [],
    category: [],
    catalog: [],
  };
  for (const doc of docs) {
    const specification = specificationOf(doc);
    const prices = pricesOf(doc, doc.isBundle ? undefined : ref('productSpecification', specification.id, specification.name));
    resources.productSpecification.push(specification);
    resources.productOfferingPrice.push(...prices);
    resources.productOffering.push(offeringOf(doc, names, specification, prices));
  }
  const lastUpdate =
    docs
      .map((doc) => doc.updatedAt)
      .sort()
      .at(-1) ?? new Date(0).toISOString();
  const categoryNames = [...new Set(docs.map((doc) => doc.category))];
  resources.category = categoryNames.map((name): Category => ({
    ...base('category', categoryIdOf(name), name, header.version, lastUpdate),
    lifecycleStatus: LAUNCHED,
    isRoot: true,
  }));
  const catalog: Catalog = {
    ...base('catalog', header.id, header.name, header.version, lastUpdate),
    ...(header.description !== undefined ? { description: header.description } : {}),
    catalogType: 'productCatalog',
    lifecycleStatus: LAUNCHED,
    validFor: { startDateTime: lastUpdate },
    category: categoryNames.map((name) => ref('category', categoryIdOf(name), name)),
  };
  resources.catalog = [catalog];
  return resources;
}
