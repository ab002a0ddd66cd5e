/**
 * TMF622B Product Ordering conformance profile v4.0.0, "ProductOrder resource mandatory
 * attributes", rule by rule (docs/conformance.md maps each to its test). Paths through
 * `productOrderItem*` cover items nested in items (bundle children) too.
 */
import type { ProfileRule } from '../../platform/tmf/profileRules';

const ref = (id: string, at: string, required: readonly string[] = ['id']): ProfileRule => ({ id, at, required, scope: 'both' });
const price = (id: string, at: string): ProfileRule => ref(id, at, ['price', 'priceType']);

/** OrderPrice (orderTotalPrice, itemPrice, itemTotalPrice): billing account, POP and alterations. */
function orderPrice(prefix: string, at: string): ProfileRule[] {
  return [
    ref(`${prefix}a`, `${at}.billingAccount`),
    ref(`${prefix}b`, `${at}.productOfferingPrice`),
    price(`${prefix}c`, `${at}.priceAlteration`),
    ref(`${prefix}d`, `${at}.priceAlteration.productOfferingPrice`),
  ];
}

const ITEM = 'productOrderItem*';
const PRODUCT = `${ITEM}.product`;

export const PRODUCT_ORDER_RULES: readonly ProfileRule[] = [
  { id: 'TMF622-PO-01', at: '', required: ['href', 'id', 'orderDate', 'state'], scope: 'response' },
  {
    id: 'TMF622-PO-02',
    at: '',
    required: ['completionDate'],
    when: (order) => order.state === 'completed',
    condition: 'the order is completed',
    scope: 'response',
  },
  ref('TMF622-PO-03', 'billingAccount'),
  ref('TMF622-PO-04', 'relatedParty', ['@referredType', 'id']),
  ref('TMF622-PO-05', 'agreement'),
  ref('TMF622-PO-06', 'channel'),
  ref('TMF622-PO-07', 'note', ['text']),
  ref('TMF622-PO-08', 'payment'),
  ref('TMF622-PO-09', 'productOfferingQualification'),
  ref('TMF622-PO-10', 'quote'),
  ...orderPrice('TMF622-PO-11', 'orderTotalPrice'),
  ref('TMF622-PO-12', ITEM, ['action', 'id']),
  ref('TMF622-PO-13', `${ITEM}.appointment`),
  ref('TMF622-PO-14', `${ITEM}.billingAccount`),
  ref('TMF622-PO-15', `${ITEM}.payment`),
  ref('TMF622-PO-16', `${ITEM}.productOffering`),
  ref('TMF622-PO-17', `${ITEM}.qualification`),
  ref('TMF622-PO-18', `${ITEM}.productOfferingQualificationItem`, ['id', 'productOfferingQualificationId']),
  ref('TMF622-PO-19', `${ITEM}.quoteItem`, ['id', 'quoteId']),
  ...orderPrice('TMF622-PO-20', `${ITEM}.itemPrice`),
  ...orderPrice('TMF622-PO-21', `${ITEM}.itemTotalPrice`),
  ref('TMF622-PO-22', `${PRODUCT}.agreement`),
  ref('TMF622-PO-23', `${PRODUCT}.billingAccount`),
  ref('TMF622-PO-24', `${PRODUCT}.place`, ['role']),
  ref('TMF622-PO-25', `${PRODUCT}.productCharacteristic`, ['name']),
  ref('TMF622-PO-26', `${PRODUCT}.productOffering`),
  ref('TMF622-PO-27', `${PRODUCT}.realizingResource`),
  ref('TMF622-PO-28', `${PRODUCT}.realizingService`),
  ref('TMF622-PO-29', `${PRODUCT}.productOrderItem`, ['orderItemId', 'productOrderId']),
  ref('TMF622-PO-30', `${PRODUCT}.productRelationship`, ['product', 'relationshipType']),
  ref('TMF622-PO-31', `${PRODUCT}.relatedParty`, ['@referredType', 'id']),
  ref('TMF622-PO-32', `${PRODUCT}.productSpecification`),
  ref('TMF622-PO-33', `${PRODUCT}.productSpecification.targetProductSchema`, ['@schemaLocation', '@type']),
  price('TMF622-PO-34', `${PRODUCT}.productPrice`),
  ref('TMF622-PO-35', `${PRODUCT}.productPrice.billingAccount`),
  ref('TMF622-PO-36', `${PRODUCT}.productPrice.productOfferingPrice`),
  price('TMF622-PO-37', `${PRODUCT}.productPrice.productPriceAlteration`),
  ref('TMF622-PO-38', `${PRODUCT}.productPrice.productPriceAlteration.productOfferingPrice`),
];

/** "POST /productOrder mandatory attributes": productOrderItem with action and id (checked by productOrderInput). */
export const PRODUCT_ORDER_CREATE_RULE: ProfileRule = { id: 'TMF622-POST-01', at: '', required: ['productOrderItem'], scope: 'both' };
