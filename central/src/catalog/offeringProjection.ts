import type { OfferingDoc } from '../../../shared/schemas';
import { isObject } from '../platform/json';
import type {
  BundledProductOffering,
  CatalogResource,
  CatalogResourceName,
  Category,
  CharValueUse,
  ProductOffering,
  ProductOfferingPrice,
  ProductOfferingRelationship,
  ProductOfferingTerm,
  ProductSpecification,
} from './catalogTypes';

/**
 * The characteristic the reps choose a contract term with. A single offering's specification
 * carries it; a bundle has no specification of its own (TMF620B: productSpecification must be
 * empty when isBundle is true), so its terms are its productOfferingTerms, the first the default.
 */
export const TERM_CHARACTERISTIC = 'Contract term';

type Price = OfferingDoc['prices'][number];
type Discount = NonNullable<OfferingDoc['discounts']>[number];
type Characteristic = OfferingDoc['characteristics'][number];
type Condition = NonNullable<Price['when']>;
type Relationship = NonNullable<OfferingDoc['relationships']>[number];
type Component = NonNullable<OfferingDoc['bundledOfferings']>[number];
type ChargeType = Price['priceType'];

/** What one `offerings` document is projected from: the offering and the resources it references. */
export interface OfferingSources {
  offering: ProductOffering;
  /** The referenced ProductSpecification, when it exists. */
  specification?: ProductSpecification;
  /** The referenced ProductOfferingPrices that exist, in the order the offering lists them. */
  prices: readonly ProductOfferingPrice[];
  /** The referenced Categories that exist, in the order the offering lists them. */
  categories: readonly Category[];
}

/** The resources an offering document is projected from, by kind: ids in the offering's order. */
export function offeringReferences(offering: ProductOffering): Partial<Record<CatalogResourceName, string[]>> {
  const ids = (refs: unknown): string[] =>
    (Array.isArray(refs) ? refs : [refs])
      .filter(isObject)
      .map((ref) => ref.id)
      .filter((id): id is string => typeof id === 'string');
  return {
    productSpecification: ids(offering.productSpecification),
    productOfferingPrice: ids(offering.productOfferingPrice),
    category: ids(offering.category),
  };
}

/** Sources of an offering from a lookup of stored resources; references to missing ones are skipped. */
export function sourcesFrom(
  offering: ProductOffering,
  lookup: (kind: CatalogResourceName, id: string) => CatalogResource | undefined,
): OfferingSources {
  const references = offeringReferences(offering);
  const resolve = <T extends CatalogResource>(kind: CatalogResourceName): T[] =>
    (references[kind] ?? []).flatMap((id) => {
      const found = lookup(kind, id);
      return found ? [found as T] : [];
    });
  return {
    offering,
    specification: resolve<ProductSpecification>('productSpecification')[0],
    prices: resolve<ProductOfferingPrice>('productOfferingPrice'),
    categories: resolve<Category>('category'),
  };
}

const CHARGE_TYPES: readonly ChargeType[] = ['recurring', 'oneTime'];
/** Prices no longer charged: the rep's app must stop quoting them. */
const ENDED = new Set(['Retired', 'Obsolete']);

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** The first characteristic value use as "applies when <characteristic> is <value>". */
function conditionOf(uses: readonly CharValueUse[] | undefined): Condition | undefined {
  const use = uses?.find((candidate) => isObject(candidate) && typeof candidate.name === 'string');
  const value = use?.productSpecCharacteristicValue.find(isObject)?.value;
  return use && value !== undefined ? { characteristic: use.name, value: text(value) } : undefined;
}

function termsOf(terms: readonly ProductOfferingTerm[] | undefined): Characteristic[] {
  const names = (terms ?? []).filter(isObject).flatMap((term) => (typeof term.name === 'string' && term.name !== '' ? [term.name] : []));
  return names.length > 0 ? [{ name: TERM_CHARACTERISTIC, values: names, default: names[0] ?? '' }] : [];
}

/** The specification's characteristics, and the offering's terms where the specification has no term of its own. */
function characteristicsOf(specification: ProductSpecification | undefined, offering: ProductOffering): Characteristic[] {
  const own = specCharacteristicsOf(specification);
  return own.some((characteristic) => characteristic.name === TERM_CHARACTERISTIC)
    ? own
    : [...own, ...termsOf(offering.productOfferingTerm)];
}

function specCharacteristicsOf(specification: ProductSpecification | undefined): Characteristic[] {
  return (specification?.productSpecCharacteristic ?? []).flatMap((characteristic) => {
    const values = (characteristic.productSpecCharacteristicValue ?? []).filter(isObject);
    if (typeof characteristic.name !== 'string' || values.length === 0) return [];
    const chosen = values.find((value) => value.isDefault === true) ?? values[0];
    return [{ name: characteristic.name, values: values.map((value) => text(value.value)), default: text(chosen?.value) }];
  });
}

/** Money is in currency units (TMF Money.value); the app counts integer cents. */
function chargeOf(price: ProductOfferingPrice): Price | undefined {
  const type = CHARGE_TYPES.find((candidate) => candidate === price.priceType);
  if (!type || !isObject(price.price) || typeof price.price.value !== 'number' || typeof price.price.unit !== 'string') return undefined;
  const when = conditionOf(price.prodSpecCharValueUse);
  const period = type === 'recurring' && price.recurringChargePeriodType ? { recurringChargePeriod: price.recurringChargePeriodType } : {};
  return {
    id: price.id,
    name: price.name,
    priceType: type,
    ...period,
    amount: Math.round(price.price.value * 100),
    currency: price.price.unit,
    ...(when ? { when } : {}),
  };
}

/**
 * A discount is a ProductOfferingPrice of priceType "discount" with a percentage and the
 * characteristic value it depends on; the charges it alters point at it (popRelationship).
 * It applies to the kinds of charge that point at it (one entry per kind).
 */
function discountsOf(prices: readonly ProductOfferingPrice[]): Discount[] {
  return prices.flatMap((discount) => {
    const when = conditionOf(discount.prodSpecCharValueUse);
    if (discount.priceType !== 'discount' || typeof discount.percentage !== 'number' || !when) return [];
    const altered = prices.filter((price) =>
      (price.popRelationship ?? []).some((relation) => isObject(relation) && relation.id === discount.id),
    );
    return CHARGE_TYPES.filter((type) => altered.some((price) => price.priceType === type)).map((appliesTo) => ({
      name: discount.name,
      appliesTo,
      percent: discount.percentage as number,
      when,
    }));
  });
}

const RULE_KINDS: readonly Relationship['kind'][] = ['requires', 'excludes', 'oneOf'];

/** Bundle components with limits; only those whose bundledProductOfferingOption says how many. */
function componentsOf(refs: readonly BundledProductOffering[]): Component[] {
  return refs.flatMap((ref) => {
    const option = isObject(ref.bundledProductOfferingOption) ? ref.bundledProductOfferingOption : undefined;
    if (!option) return [];
    const min = Number.isInteger(option.numberRelOfferLowerLimit) ? Math.max(0, option.numberRelOfferLowerLimit ?? 0) : 0;
    const max = Number.isInteger(option.numberRelOfferUpperLimit)
      ? Math.max(min, option.numberRelOfferUpperLimit ?? min)
      : Math.max(min, 1);
    return [{ offeringId: ref.id, name: text(ref.name) || ref.id, min, max }];
  });
}

/** Relationships of a kind the app checks, one rule per relationshipType and role, targets in order. */
function relationshipsOf(entries: readonly ProductOfferingRelationship[] | undefined): Relationship[] {
  const rules: Relationship[] = [];
  for (const entry of (entries ?? []).filter(isObject)) {
    const kind = RULE_KINDS.find((candidate) => candidate === entry.relationshipType);
    if (!kind || typeof entry.id !== 'string') continue;
    const role = text(entry.role) || 'a related offering';
    const target = { id: entry.id, name: text(entry.name) || entry.id };
    const existing = rules.find((r) => r.kind === kind && r.role === role);
    if (existing) existing.offerings.push(target);
    else rules.push({ kind, role, offerings: [target] });
  }
  return rules;
}

function latest(stamps: readonly (string | undefined)[]): string {
  const valid = stamps.filter((stamp): stamp is string => typeof stamp === 'string' && !Number.isNaN(Date.parse(stamp)));
  return valid.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a), valid[0] ?? '');
}

/**
 * The reps' read-only copy of one offering (`offerings` collection) from the TMF620 resources
 * that are its source of truth. Pure: same resources in, same document out.
 * `catalogVersion` is the offering's own version (the catalog release it was last revised in);
 * `updatedAt` is the newest lastUpdate among the offering, its specification and its prices,
 * so a price change shows as a change of the offering.
 */
export function offeringDocFrom(sources: OfferingSources): OfferingDoc {
  const { offering, specification } = sources;
  const prices = sources.prices.filter((price) => !ENDED.has(price.lifecycleStatus ?? ''));
  const refs = (offering.bundledProductOffering ?? []).filter(isObject);
  const components = componentsOf(refs);
  // bundledOfferingIds: what the bundle includes (a component without limits is included).
  const bundled = refs.filter((ref) => (ref.bundledProductOfferingOption?.numberRelOfferLowerLimit ?? 1) > 0).map((ref) => ref.id);
  const relationships = relationshipsOf(offering.productOfferingRelationship);
  const category = sources.categories[0]?.name ?? offering.category?.find(isObject)?.name ?? '';
  return {
    id: offering.id,
    name: offering.name,
    ...(offering.description !== undefined ? { description: offering.description } : {}),
    category,
    lifecycleStatus: offering.lifecycleStatus ?? '',
    isBundle: offering.isBundle === true,
    ...(offering.isBundle === true || bundled.length > 0 ? { bundledOfferingIds: bundled } : {}),
    ...(components.length > 0 ? { bundledOfferings: components } : {}),
    characteristics: characteristicsOf(specification, offering),
    prices: prices.flatMap((price) => chargeOf(price) ?? []),
    discounts: discountsOf(prices),
    ...(relationships.length > 0 ? { relationships } : {}),
    catalogVersion: offering.version ?? '',
    updatedAt: latest([offering.lastUpdate, specification?.lastUpdate, ...sources.prices.map((price) => price.lastUpdate)]),
  };
}
