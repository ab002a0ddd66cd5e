import type { AccountDoc, ContactDoc, LeadDoc } from '../../../shared/schemas';

const AT = '2026-11-02T09:00:00.000Z';
const meta = (id: string, owner: string) => ({ id, owner, createdAt: AT, updatedAt: AT, syncPending: false });

function account(
  owner: string,
  id: string,
  name: string,
  industry: string,
  creditLimit: number,
  primaryContactId: string,
  billing: [string, string],
  sites: [string, string, string, string][],
): AccountDoc {
  return {
    ...meta(id, owner),
    name,
    country: 'US',
    industry,
    creditLimit,
    primaryContactId,
    billingAccounts: [{ id: billing[0], name: billing[1] }],
    sites: sites.map(([siteId, street, city, postcode]) => ({ id: siteId, street, city, postcode, country: 'US' })),
  };
}

/** Customer accounts (TMF629) per rep, each with its billing account and sites. */
export const SEED_ACCOUNTS: readonly AccountDoc[] = [
  account(
    'user-alex',
    'acct-harbor-logistics',
    'Harbor Logistics Inc.',
    'Logistics',
    250000,
    'contact-harbor-maria',
    ['ba-harbor-main', 'Harbor Logistics - head office'],
    [
      ['site-harbor-hq', '1200 Pier Avenue', 'Oakland', '94607'],
      ['site-harbor-depot', '88 Cargo Way', 'Stockton', '95206'],
    ],
  ),
  account(
    'user-alex',
    'acct-crestview-dental',
    'Crestview Dental Group',
    'Healthcare',
    60000,
    'contact-crestview-david',
    ['ba-crestview-main', 'Crestview Dental - accounts payable'],
    [['site-crestview-main', '415 Elm Street', 'Sacramento', '95814']],
  ),
  account(
    'user-alex',
    'acct-lumen-architects',
    'Lumen Architects LLP',
    'Professional services',
    90000,
    'contact-lumen-priya',
    ['ba-lumen-main', 'Lumen Architects - finance'],
    [['site-lumen-studio', '27 Market Square', 'San Jose', '95113']],
  ),
  account(
    'user-sam',
    'acct-bluepeak-outfitters',
    'Bluepeak Outfitters',
    'Retail',
    120000,
    'contact-bluepeak-tom',
    ['ba-bluepeak-main', 'Bluepeak Outfitters - corporate'],
    [
      ['site-bluepeak-hq', '900 Summit Road', 'Denver', '80202'],
      ['site-bluepeak-store', '12 Canyon Mall', 'Boulder', '80301'],
    ],
  ),
  account(
    'user-sam',
    'acct-summit-legal',
    'Summit Legal Partners',
    'Legal',
    80000,
    'contact-summit-elena',
    ['ba-summit-main', 'Summit Legal - office manager'],
    [['site-summit-office', '500 Liberty Plaza', 'Salt Lake City', '84111']],
  ),
];

const contact = (owner: string, id: string, accountId: string, name: string, email: string, phone: string): ContactDoc => ({
  ...meta(id, owner),
  accountId,
  name,
  email,
  phone,
});

export const SEED_CONTACTS: readonly ContactDoc[] = [
  contact(
    'user-alex',
    'contact-harbor-maria',
    'acct-harbor-logistics',
    'Maria Chen',
    'maria.chen@harborlogistics.example',
    '+1 510 555 0142',
  ),
  contact(
    'user-alex',
    'contact-harbor-luis',
    'acct-harbor-logistics',
    'Luis Ortega',
    'luis.ortega@harborlogistics.example',
    '+1 510 555 0177',
  ),
  contact(
    'user-alex',
    'contact-crestview-david',
    'acct-crestview-dental',
    'Dr. David Kim',
    'd.kim@crestviewdental.example',
    '+1 916 555 0110',
  ),
  contact('user-alex', 'contact-lumen-priya', 'acct-lumen-architects', 'Priya Nair', 'priya@lumenarchitects.example', '+1 408 555 0163'),
  contact('user-sam', 'contact-bluepeak-tom', 'acct-bluepeak-outfitters', 'Tom Becker', 'tom.becker@bluepeak.example', '+1 303 555 0188'),
  contact('user-sam', 'contact-summit-elena', 'acct-summit-legal', 'Elena Rossi', 'erossi@summitlegal.example', '+1 801 555 0121'),
];

function lead(
  owner: string,
  id: string,
  company: string,
  contactName: string,
  email: string,
  productCategory: string,
  purchaseTimeframe: string,
  purchaseAmount: number,
  budgetStatus: string,
  source: string,
  country = 'US',
): LeadDoc {
  return {
    ...meta(id, owner),
    company,
    contactName,
    email,
    country,
    productCategory,
    purchaseTimeframe,
    purchaseAmount,
    budgetStatus,
    source,
    status: 'acknowledged',
  };
}

/** New, unprocessed leads (TMF699 `acknowledged`) from the Vision Hardware road show and other sources. */
export const SEED_LEADS: readonly LeadDoc[] = [
  lead(
    'user-alex',
    'lead-alex-northgate',
    'Northgate School District',
    'Karen Holt',
    'k.holt@northgate.example',
    'Laptops',
    'Within 1 month',
    120000,
    'Approved',
    'Road show',
  ),
  lead(
    'user-alex',
    'lead-alex-pinecrest',
    'Pinecrest Clinics',
    'Omar Haddad',
    'omar@pinecrest.example',
    'Monitors',
    'More than 1 Year',
    30000,
    'Pending',
    'Road show',
  ),
  lead(
    'user-alex',
    'lead-alex-redwood',
    'Redwood Analytics',
    'Jenny Park',
    'jenny.park@redwood.example',
    'Computers',
    '3-6 months',
    75000,
    'Approved',
    'Web form',
  ),
  lead(
    'user-sam',
    'lead-sam-metro',
    'Metro Transit Authority',
    'Greg Wilson',
    'gwilson@metrotransit.example',
    'Monitors',
    '1-3 months',
    45000,
    'Approved',
    'Road show',
  ),
  lead(
    'user-sam',
    'lead-sam-oakridge',
    'Oakridge Hotels',
    'Nadia Laurent',
    'nadia@oakridgehotels.example',
    'Laptops',
    '1-3 months',
    65000,
    'Approved',
    'Trade show',
  ),
  lead(
    'user-sam',
    'lead-sam-maple',
    'Maple Freight Ltd.',
    'Ian Fraser',
    'ian@maplefreight.example',
    'Computers',
    'Within 1 month',
    90000,
    'Approved',
    'Partner referral',
    'CA',
  ),
];
