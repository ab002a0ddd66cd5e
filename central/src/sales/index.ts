/**
 * The sales context's only door: TMF699 sales leads (engine, routing, events) and TMF648
 * quotes projected from the reps' documents, with how their pushes are judged; the lead rule
 * sets' administration and drift.
 */
export { registerSalesLeadRoutes } from './leads/salesLeadRoutes';
export { SALES_MIGRATIONS } from './leads/sales.migrations';
export { leadSyncRules } from './leads/leadSyncRules';
export { registerRuleSetRoutes } from './ruleSets/ruleSetRoutes';
export { registerQuoteRoutes } from './quotes/quoteRoutes';
export { registerAgreementRoutes } from './quotes/agreementRoutes';
export { quoteRules as quoteSyncRules } from './quotes/quoteEvents';
