/**
 * Every conformance case, by route. A route the server registers under /tmf-api/ with no entry
 * here fails the conformance suite, so a new endpoint cannot ship unchecked.
 */
import { EVENT_CASES } from './events';
import { PRODUCT_CATALOG_CASES } from './productCatalog';
import { PRODUCT_INVENTORY_CASES } from './productInventory';
import { PRODUCT_ORDERING_CASES } from './productOrdering';
import { PRODUCT_ORDER_LIFECYCLE_CASES } from './productOrderLifecycle';
import { QUOTE_CASES } from './quote';
import { SALES_LEAD_CASES } from './salesLead';
import { SERVICE_QUALIFICATION_CASES } from './serviceQualification';
import type { CaseTable } from './types';

export const ALL_CASES: CaseTable = {
  ...PRODUCT_ORDERING_CASES,
  ...PRODUCT_INVENTORY_CASES,
  ...PRODUCT_CATALOG_CASES,
  ...EVENT_CASES,
  ...PRODUCT_ORDER_LIFECYCLE_CASES,
  ...SALES_LEAD_CASES,
  ...QUOTE_CASES,
  ...SERVICE_QUALIFICATION_CASES,
};
