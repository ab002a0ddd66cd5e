/**
 * The ordering context's only door: TMF622 ProductOrder and CancelProductOrder, the ingest of
 * orders pushed from the app, the order lifecycle, the consistency check and fulfillment.
 * Code outside ordering/ imports from here and nowhere else in the folder (npm run lint).
 */
export { registerOrderingRoutes } from './productOrder/orderingRoutes';
export { ORDERING_MIGRATIONS } from './productOrder/ordering.migrations';
export type { Money, ProductOrder, ProductOrderItem, RelatedParty } from './productOrder/productOrderTypes';
export { orderRules as orderSyncRules } from './ingest/orderRules';
export { accountRules as accountSyncRules } from './ingest/awaitingAccount';
export { attachmentRules as orderAttachmentSyncRules } from './attachments/attachmentRules';
export { registerFulfillment } from './fulfillment/routes';
export { FULFILLMENT_MIGRATIONS } from './fulfillment/fulfillment.migrations';
export { fulfillmentOptionsFromEnv, type FulfillmentOptions } from './fulfillment/config';
export type { ProductDelivery } from './fulfillment/delivery';
// What POST /admin/fulfillment/step answers, for the clients that drive it (the e2e tests).
export type { FulfillmentStep } from './fulfillment/simulator';
// The TMF622 conformance profile's rules as this context enforces them (conformance/profiles/ tests them).
export { PRODUCT_ORDER_RULES } from './productOrder/productOrderProfile';
export { PAYMENT_MIGRATIONS } from './payment/payment.migrations';
export { ACKNOWLEDGEMENT_MIGRATIONS } from './acknowledgement/acknowledgement.migrations';
export { mailOptionsFromEnv, startAcknowledgementMailer, type MailOptions } from './acknowledgement/acknowledgementMailer';
