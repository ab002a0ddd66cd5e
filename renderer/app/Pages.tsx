import '../features/features.css';
import type { ReactNode } from 'react';
import { AboutPage } from '../features/about/AboutPage';
import { AccountDetail } from '../features/accounts/AccountDetail';
import { AccountForm } from '../features/accounts/AccountForm';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { CatalogPage } from '../features/catalog/CatalogPage';
import { OfferingDetail } from '../features/catalog/OfferingDetail';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { LeadDetail } from '../features/leads/LeadDetail';
import { LeadForm } from '../features/leads/LeadForm';
import { LeadsPage } from '../features/leads/LeadsPage';
import { OpportunitiesPage } from '../features/opportunities/OpportunitiesPage';
import { OpportunityDetail } from '../features/opportunities/OpportunityDetail';
import { OrderScreen } from '../features/orders/OrderScreen';
import { OrdersPage } from '../features/orders/OrdersPage';
import { OutboxPage } from '../features/outbox/OutboxPage';
import { QuoteScreen } from '../features/quotes/QuoteScreen';
import { QuotesPage } from '../features/quotes/QuotesPage';
import { RuleAdminPage } from '../features/ruleAdmin/RuleAdminPage';
import type { Page } from './routes';

type Screen = () => ReactNode;
type RecordScreen = (props: { id: string }) => ReactNode;

/** The screen for each route; a record screen gets the id from the URL. */
export const SCREENS: { [P in Page]: { screen: Screen } | { record: RecordScreen } } = {
  leads: { screen: LeadsPage },
  newLead: { screen: LeadForm },
  lead: { record: LeadDetail },
  accounts: { screen: AccountsPage },
  newAccount: { screen: AccountForm },
  account: { record: AccountDetail },
  catalog: { screen: CatalogPage },
  offering: { record: OfferingDetail },
  opportunities: { screen: OpportunitiesPage },
  opportunity: { record: OpportunityDetail },
  quotes: { screen: QuotesPage },
  quote: { record: QuoteScreen },
  orders: { screen: OrdersPage },
  order: { record: OrderScreen },
  dashboard: { screen: DashboardPage },
  ruleAdmin: { screen: RuleAdminPage },
  outbox: { screen: OutboxPage },
  about: { screen: AboutPage },
};
