/**
 * The TMF APIs whose notifications a client can subscribe to. The event `domain` recorded by
 * recordEvent is the API's name as it appears in its base path, so one name ties the event log
 * topic, the hub path and the events together.
 */
export const HUB_APIS = [
  { domain: 'productOrderingManagement', title: 'TMF622 Product Ordering' },
  { domain: 'productCatalogManagement', title: 'TMF620 Product Catalog' },
  { domain: 'productInventory', title: 'TMF637 Product Inventory' },
  { domain: 'quoteManagement', title: 'TMF648 Quote Management' },
  { domain: 'sales', title: 'TMF699 Sales' },
] as const;

export type HubDomain = (typeof HUB_APIS)[number]['domain'];

export function apiBase(domain: string): string {
  return `/tmf-api/${domain}/v4`;
}

export const EVENT_API_BASE = '/tmf-api/event/v4';
