import { describe, expect, it } from 'vitest';
import { SEED_OFFERINGS } from './demoCatalog';
import { schemaProblems } from '../platform/sync/schemaCheck';
import { checkResource } from './catalogInput';
import { catalogFromOfferings, type CatalogResources } from './catalogFromOfferings';
import { CATALOG_RESOURCES, type CatalogResource, type ProductOffering, type ProductOfferingPrice } from './catalogTypes';
import { offeringDocFrom, sourcesFrom } from './offeringProjection';

const HEADER = { id: 'catalog-test', name: 'Outpost Business Catalog', version: '2026.11' };

function project(resources: CatalogResources, offering: ProductOffering) {
  return offeringDocFrom(sourcesFrom(offering, (kind, id) => resources[kind].find((resource) => resource.id === id)));
}

function byId<T extends CatalogResource>(list: readonly CatalogResource[], id: string): T {
  const found = list.find((resource) => resource.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found as T;
}

describe('TMF620 <-> offerings projection', () => {
  const resources = catalogFromOfferings(SEED_OFFERINGS, HEADER);

  it('gives back exactly the seed documents (round trip)', () => {
    const projected = resources.productOffering.map((offering) => project(resources, offering));
    expect(projected).toEqual(SEED_OFFERINGS);
    for (const doc of projected) expect(schemaProblems('offerings', doc)).toEqual([]);
  });

  it('models the seed as TMF620: prices in currency units with their conditions, discounts as alterations', () => {
    const fibre = byId<ProductOffering>(resources.productOffering, 'off-fibre-internet');
    expect(fibre).toMatchObject({
      '@type': 'ProductOffering',
      href: '/tmf-api/productCatalogManagement/v4/productOffering/off-fibre-internet',
      lifecycleStatus: 'Launched',
      version: '2026.11',
      isSellable: true,
      productSpecification: { id: 'spec-fibre-internet' },
      category: [{ id: 'cat-connectivity', name: 'Connectivity' }],
    });
    expect(fibre.productOfferingPrice?.map((ref) => ref.id)).toEqual([
      'price-fibre-100',
      'price-fibre-500',
      'price-fibre-1g',
      'price-fibre-install',
      'disc-fibre-internet-1',
      'disc-fibre-internet-2',
      'disc-fibre-internet-3',
    ]);
    const monthly = byId<ProductOfferingPrice>(resources.productOfferingPrice, 'price-fibre-500');
    expect(monthly).toMatchObject({
      priceType: 'recurring',
      recurringChargePeriodType: 'month',
      price: { unit: 'USD', value: 149 },
      prodSpecCharValueUse: [{ name: 'Bandwidth', productSpecCharacteristicValue: [{ value: '500 Mbps' }] }],
    });
    expect(monthly.popRelationship?.map((relation) => [relation.id, relation.relationshipType])).toEqual([
      ['disc-fibre-internet-1', 'discount'],
      ['disc-fibre-internet-2', 'discount'],
    ]);
    expect(byId(resources.productOfferingPrice, 'disc-fibre-internet-3')).toMatchObject({
      priceType: 'discount',
      percentage: 100,
      prodSpecCharValueUse: [{ name: 'Contract term', productSpecCharacteristicValue: [{ value: '36 months' }] }],
    });
    const specification = byId(resources.productSpecification, 'spec-fibre-internet');
    expect(specification.productSpecCharacteristic).toContainEqual(
      expect.objectContaining({
        name: 'Bandwidth',
        productSpecCharacteristicValue: [
          { value: '100 Mbps', valueType: 'string', isDefault: true },
          { value: '500 Mbps', valueType: 'string', isDefault: false },
          { value: '1 Gbps', valueType: 'string', isDefault: false },
        ],
      }),
    );
    // Required components take at least one, optional ones none (TMF620 bundledProductOfferingOption).
    const limits = byId<ProductOffering>(resources.productOffering, 'off-office-connect-bundle').bundledProductOffering?.map((ref) => [
      ref.id,
      ref.bundledProductOfferingOption?.numberRelOfferLowerLimit,
      ref.bundledProductOfferingOption?.numberRelOfferUpperLimit,
    ]);
    expect(limits).toEqual([
      ['off-fibre-internet', 1, 1],
      ['off-business-voice', 1, 1],
      ['off-m365-business', 1, 1],
      ['off-static-ip', 0, 1],
      ['off-managed-firewall', 0, 1],
    ]);
  });

  it('models compatibility rules as productOfferingRelationship (one entry per target, grouped by type and role)', () => {
    const relations = (id: string) =>
      byId<ProductOffering>(resources.productOffering, id).productOfferingRelationship?.map((r) => [r.relationshipType, r.role, r.id]);
    expect(relations('off-static-ip')).toEqual([['requires', 'a fibre access line', 'off-fibre-internet']]);
    expect(relations('off-sdwan-edge')).toEqual([
      ['oneOf', 'an access line', 'off-fibre-internet'],
      ['oneOf', 'an access line', 'off-5g-access'],
    ]);
    expect(relations('off-fibre-internet')).toEqual([
      ['excludes', 'one access line per site', 'off-fibre-internet'],
      ['excludes', 'one access line per site', 'off-5g-access'],
    ]);
    const projected = project(resources, byId<ProductOffering>(resources.productOffering, 'off-sdwan-edge'));
    expect(projected.relationships).toEqual([
      {
        kind: 'oneOf',
        role: 'an access line',
        offerings: [
          { id: 'off-fibre-internet', name: 'Business Fibre Internet' },
          { id: 'off-5g-access', name: 'Business 5G Access' },
        ],
      },
    ]);
  });

  it("takes a bundle's contract term from its productOfferingTerms: a bundle has no productSpecification (TMF620-PO-17)", () => {
    const bundle = byId<ProductOffering>(resources.productOffering, 'off-office-connect-bundle');
    expect(bundle.productSpecification).toBeUndefined();
    expect(bundle.productOfferingTerm?.map((term) => [term.name, term.duration])).toEqual([
      ['24 months', { amount: 24, units: 'month' }],
      ['36 months', { amount: 36, units: 'month' }],
    ]);
    const later = { ...bundle, productOfferingTerm: [{ name: '36 months' }, { name: '48 months' }] };
    expect(project(resources, later).characteristics).toEqual([
      { name: 'Contract term', values: ['36 months', '48 months'], default: '36 months' },
    ]);
  });

  it('has a category per category name and one catalog holding them', () => {
    expect(resources.category.map((category) => category.name)).toEqual([
      'Connectivity',
      'Networking',
      'Voice',
      'Mobile',
      'Security',
      'Cloud',
      'Bundles',
    ]);
    expect(resources.catalog).toHaveLength(1);
    expect(resources.catalog[0]).toMatchObject({ name: 'Outpost Business Catalog', version: '2026.11', '@type': 'Catalog' });
    expect((resources.catalog[0]?.category as { id: string }[]).map((ref) => ref.id)).toEqual(
      resources.category.map((category) => category.id),
    );
  });

  it('produces resources the API itself would accept', () => {
    for (const kind of CATALOG_RESOURCES) {
      for (const { id: _id, href: _href, ...body } of resources[kind]) expect(() => checkResource(kind, body)).not.toThrow();
    }
  });

  it('follows changes of prices, their state and the offering', () => {
    const changed = structuredClone(resources);
    const monthly = byId<ProductOfferingPrice>(changed.productOfferingPrice, 'price-fibre-500');
    monthly.price = { unit: 'USD', value: 159.99 };
    monthly.lastUpdate = '2026-12-01T09:00:00.000Z';
    byId<ProductOfferingPrice>(changed.productOfferingPrice, 'price-fibre-install').lifecycleStatus = 'Retired';
    const fibre = byId<ProductOffering>(changed.productOffering, 'off-fibre-internet');
    fibre.lifecycleStatus = 'Retired';
    const doc = project(changed, fibre);
    expect(doc.lifecycleStatus).toBe('Retired');
    expect(doc.updatedAt).toBe('2026-12-01T09:00:00.000Z');
    expect(doc.prices.find((price) => price.id === 'price-fibre-500')?.amount).toBe(15999);
    // A retired charge is no longer quoted, and a discount of one-time charges then alters nothing.
    expect(doc.prices.map((price) => price.id)).not.toContain('price-fibre-install');
    expect(doc.discounts?.map((discount) => discount.appliesTo)).toEqual(['recurring', 'recurring']);
  });

  it('skips what it cannot project instead of giving the app a broken document', () => {
    const offering: ProductOffering = {
      id: 'off-x',
      href: '/x',
      '@type': 'ProductOffering',
      name: 'X',
      lastUpdate: '2026-11-02T00:00:00.000Z',
      productOfferingPrice: [{ id: 'gone' }, { id: 'bare' }, { id: 'disc-free' }, { id: 'disc-both' }, { id: 'once' }],
    };
    const prices: ProductOfferingPrice[] = [
      {
        id: 'bare',
        href: '',
        '@type': 'ProductOfferingPrice',
        name: 'No amount',
        lastUpdate: '',
        priceType: 'recurring',
        popRelationship: [{ id: 'disc-both' }],
      },
      {
        id: 'disc-free',
        href: '',
        '@type': 'ProductOfferingPrice',
        name: 'Unconditional',
        lastUpdate: '',
        priceType: 'discount',
        percentage: 5,
      },
      {
        id: 'disc-both',
        href: '',
        '@type': 'ProductOfferingPrice',
        name: 'Both',
        lastUpdate: '',
        priceType: 'discount',
        percentage: 7,
        prodSpecCharValueUse: [{ name: 'Term', productSpecCharacteristicValue: [{ value: 12 }] }],
      },
      {
        id: 'once',
        href: '',
        '@type': 'ProductOfferingPrice',
        name: 'Setup',
        lastUpdate: '',
        priceType: 'oneTime',
        price: { unit: 'EUR', value: 10 },
        popRelationship: [{ id: 'disc-both' }],
      },
    ];
    const doc = offeringDocFrom(
      sourcesFrom(offering, (kind, id) => (kind === 'productOfferingPrice' ? prices.find((price) => price.id === id) : undefined)),
    );
    expect(doc).toEqual({
      id: 'off-x',
      name: 'X',
      category: '',
      lifecycleStatus: '',
      isBundle: false,
      characteristics: [],
      prices: [{ id: 'once', name: 'Setup', priceType: 'oneTime', amount: 1000, currency: 'EUR' }],
      discounts: [
        { name: 'Both', appliesTo: 'recurring', percent: 7, when: { characteristic: 'Term', value: '12' } },
        { name: 'Both', appliesTo: 'oneTime', percent: 7, when: { characteristic: 'Term', value: '12' } },
      ],
      catalogVersion: '',
      updatedAt: '2026-11-02T00:00:00.000Z',
    });
    expect(schemaProblems('offerings', doc)).toEqual([]);
  });
});
