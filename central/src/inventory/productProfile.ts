/**
 * TMF637B Product Inventory conformance profile v4.0.0, "Product resource mandatory
 * attributes", rule by rule (docs/conformance.md maps each to its test). A nested product
 * (`productRelationship.product`, `product`) has the product's own reference rules.
 */
import { nestedUnder, type ProfileRule } from '../platform/tmf/profileRules';

const ref = (id: string, at: string, required: readonly string[] = ['id']): ProfileRule => ({ id, at, required, scope: 'both' });

/** The rules that hold wherever a product appears, itself or nested. */
const PRODUCT_PARTS: readonly ProfileRule[] = [
  ref('TMF637-P-04', 'billingAccount'),
  ref('TMF637-P-05', 'productOffering'),
  ref('TMF637-P-06', 'productCharacteristic', ['name', 'value']),
  ref('TMF637-P-07', 'relatedParty', ['@referredType', 'id']),
  ref('TMF637-P-08', 'productPrice', ['price', 'priceType']),
  ref('TMF637-P-09', 'productPrice.billingAccount'),
  ref('TMF637-P-10', 'productPrice.productOfferingPrice'),
  ref('TMF637-P-11', 'productPrice.productPriceAlteration', ['price', 'priceType']),
  ref('TMF637-P-12', 'productPrice.productPriceAlteration.productOfferingPrice'),
  ref('TMF637-P-13', 'agreement'),
  ref('TMF637-P-14', 'place', ['role']),
  ref('TMF637-P-15', 'realizingResource'),
  ref('TMF637-P-16', 'realizingService'),
  ref('TMF637-P-17', 'productOrderItem', ['orderItemId', 'productOrderId']),
  ref('TMF637-P-18', 'productSpecification'),
  ref('TMF637-P-19', 'productSpecification.targetProductSchema', ['@schemaLocation', '@type']),
  ref('TMF637-P-20', 'productRelationship', ['relationshipType', 'product']),
];

export const PRODUCT_RULES: readonly ProfileRule[] = [
  { id: 'TMF637-P-01', at: '', required: ['href', 'id', 'status'], scope: 'response' },
  // "At least a productOffering or a productSpecification must be provided."
  {
    id: 'TMF637-P-02',
    at: '',
    required: ['productOffering'],
    when: (product) => product.productSpecification === undefined,
    condition: 'a product names its productOffering or its productSpecification',
    scope: 'both',
  },
  ...PRODUCT_PARTS,
  // A nested product: "product.productRelationship M" (a referred or valued product must be present).
  ...nestedUnder(['productRelationship.product', 'product'], PRODUCT_PARTS, '.n'),
  { id: 'TMF637-P-03', at: 'product', required: ['productRelationship'], scope: 'both' },
];
