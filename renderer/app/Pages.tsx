import '../features/features.css';
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
import type { Route } from './navigation';

/** The screen for each route. Detail screens are keyed by id so nothing typed leaks between records. */
export function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'leads':
      return <LeadsPage />;
    case 'newLead':
      return <LeadForm />;
    case 'lead':
      return <LeadDetail key={route.id} id={route.id} />;
    case 'opportunities':
      return <OpportunitiesPage />;
    case 'opportunity':
      return <OpportunityDetail key={route.id} id={route.id} />;
    case 'quotes':
      return <QuotesPage />;
    case 'quote':
      return <QuoteScreen key={route.id} id={route.id} />;
    case 'orders':
      return <OrdersPage />;
    case 'order':
      return <OrderScreen key={route.id} id={route.id} />;
    case 'outbox':
      return <OutboxPage />;
  }
}
