import { registerAttachmentRoutes } from '../attachments/attachmentRoutes';
import { registerCardAuthorisationRoutes } from '../payment/cardAuthorisationRoutes';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/db';
import type { ChangeHub } from '../../platform/sync/hub';
import { registerCancelProductOrderRoutes } from '../cancellation/cancelProductOrderRoutes';
import { registerOrderOpsRoutes } from './orderOpsRoutes';
import { registerProductOrderRoutes } from './productOrderRoutes';
import { registerProductOrderUpdateRoutes } from './productOrderUpdateRoutes';

/** TMF622 Product Ordering (productOrder, cancelProductOrder), the operations desk's lifecycle route and the simulated card authorisation. */
export function registerOrderingRoutes(app: FastifyInstance, db: Db, hub: ChangeHub): void {
  registerProductOrderRoutes(app, db, hub);
  registerProductOrderUpdateRoutes(app, db, hub);
  registerCancelProductOrderRoutes(app, db, hub);
  registerOrderOpsRoutes(app, db, hub);
  registerAttachmentRoutes(app, db);
  registerCardAuthorisationRoutes(app, db);
}
