/**
 * The inventory context's only door: TMF637 products, created from delivered ProductOrders
 * (ordering's fulfillment calls `productDelivery` through the port server.ts wires).
 */
export { registerProductInventoryRoutes } from './productRoutes';
export { productDelivery } from './productStore';
