/**
 * The inventory context's only door: TMF637 products, created from delivered ProductOrders
 * (ordering's fulfillment calls `productDelivery` through the port server.ts wires).
 */
export { registerProductInventoryRoutes } from './productRoutes';
export { productDelivery } from './productStore';
// The TMF637 resource as its API serves it, for the clients that read it (the e2e tests).
export type { Product } from './productTypes';
// The TMF637 conformance profile's rules as this context enforces them (conformance/profiles/ tests them).
export { PRODUCT_RULES } from './productProfile';
