/**
 * Pushed order attachments (shared/orders/attachment.ts): the same size and type rules as the
 * laptop, on the decoded bytes; only on the pusher's own order; a file never changes once stored
 * (a new file is a new attachment). Refused rows are not stored at all: a wrong file is not kept.
 */
import { attachmentProblems } from '../../../../shared/orders/attachment';
import { loadDoc, type StoredDoc } from '../../platform/sync/docs';
import type { CollectionRules, RowContext, WritePlan } from '../../platform/sync/rules';
import { findByExternalId } from '../productOrder/productOrderStore';
import { refreshAttachmentNotes } from './attachmentNotes';

const FIXED = ['orderId', 'kind', 'fileName', 'mediaType', 'size', 'data'];

async function orderOwnerProblem(ctx: RowContext, orderId: string, owner: string): Promise<string | undefined> {
  const order = await loadDoc(ctx.tx, 'orders', orderId);
  const submitted = await findByExternalId(ctx.tx, orderId);
  if ((order && order.owner !== owner) || (submitted && submitted.owner !== owner)) {
    return `Order ${orderId} is not one of your orders; attach the file to your own order`;
  }
  return undefined;
}

async function prepareAttachment(ctx: RowContext, plan: WritePlan, master: StoredDoc | undefined): Promise<WritePlan> {
  const data = plan.data;
  const orderId = String(data.orderId);
  const owner = String(data.owner);
  const ownerProblem = await orderOwnerProblem(ctx, orderId, owner);
  if (ownerProblem) return { ...plan, refusal: ownerProblem };
  if (plan.deleted) return plan;
  if (master && !master.deleted && FIXED.some((field) => JSON.stringify(master.data[field]) !== JSON.stringify(data[field]))) {
    return { ...plan, refusal: 'An attached file cannot change; remove the attachment and attach the new file' };
  }
  const problems = attachmentProblems({
    fileName: String(data.fileName),
    size: Number(data.size),
    mediaType: String(data.mediaType),
    data: String(data.data),
  });
  return problems.length > 0 ? { ...plan, refusal: problems.join('; ') } : plan;
}

export const attachmentRules: CollectionRules = {
  prepare: prepareAttachment,
  async afterWrite(ctx, stored) {
    await refreshAttachmentNotes(ctx.tx, String(stored.data.orderId));
    return [];
  },
};
