import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/db';
import { currentUser } from '../../platform/auth/guard';
import { notFound } from '../../platform/http/errors';
import { loadDoc } from '../../platform/sync/docs';
import { findVisible } from '../productOrder/productOrderStore';
import { PRODUCT_ORDER_BASE } from '../productOrder/productOrderTypes';

/**
 * The file of an order's attachment, as its ProductOrder note links it: for the order's owner
 * and their manager (the same scope as the ProductOrder); anyone else gets 404, as for the order.
 */
export function registerAttachmentRoutes(app: FastifyInstance, db: Db): void {
  app.get(`${PRODUCT_ORDER_BASE}/productOrder/:id/attachment/:attachmentId`, async (request, reply) => {
    const user = currentUser(request);
    const { id, attachmentId } = request.params as { id: string; attachmentId: string };
    const order = await findVisible(db, user, id);
    if (!order) throw notFound(`No ProductOrder with id ${id} that you may see`);
    const attachment = await loadDoc(db, 'orderAttachments', attachmentId);
    if (!attachment || attachment.deleted || attachment.data.orderId !== order.externalId) {
      throw notFound(`ProductOrder ${id} has no attachment ${attachmentId}`);
    }
    const fileName = String(attachment.data.fileName).replace(/[^\w.\- ]/g, '_');
    return reply
      .header('content-type', String(attachment.data.mediaType))
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(String(attachment.data.data), 'base64'));
  });
}
