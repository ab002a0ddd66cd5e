/**
 * An order's attachments on its TMF622 ProductOrder: TMF622 v4 has no attachment or document
 * reference on ProductOrder (its conformance profile lists `note` as optional and nothing else
 * fits), so each attachment is a note, id `attachment:<id>`, whose text names the document and
 * where to download it. Rewritten whenever an attachment or its order arrives (they sync apart).
 */
import type { Queryable } from '../../platform/db/db';
import { ATTACHMENT_KIND_LABELS, formatBytes, type AttachmentKind } from '../../../../shared/orders/attachment';
import { jsonEqual } from '../../platform/json';
import { lockProductOrder, findByExternalId, updateProductOrder } from '../productOrder/productOrderStore';
import { ATTACHMENT_NOTE_PREFIX } from '../productOrder/productOrderPatch';
import { PRODUCT_ORDER_BASE, type ProductOrder } from '../productOrder/productOrderTypes';

interface AttachmentRow extends Record<string, unknown> {
  id: string;
  kind: string;
  file_name: string;
  media_type: string;
  size: string;
  created_at: string | null;
}

/** Where a consumer downloads the file: the order's owner and their manager only. */
export function attachmentHref(productOrderId: string, attachmentId: string): string {
  return `${PRODUCT_ORDER_BASE}/productOrder/${productOrderId}/attachment/${attachmentId}`;
}

/** The order's attachments' metadata, without reading their files. */
async function attachmentsOf(tx: Queryable, orderId: string): Promise<AttachmentRow[]> {
  return tx.query<AttachmentRow>(
    `SELECT id, data->>'kind' AS kind, data->>'fileName' AS file_name, data->>'mediaType' AS media_type,
            data->>'size' AS size, data->>'createdAt' AS created_at
       FROM sync_docs
      WHERE collection = 'orderAttachments' AND NOT deleted AND data->>'orderId' = $1 AND data->'syncError' IS NULL
      ORDER BY id`,
    [orderId],
  );
}

function noteOf(order: ProductOrder, row: AttachmentRow, author: string) {
  const label = ATTACHMENT_KIND_LABELS[row.kind as AttachmentKind] ?? 'Document';
  return {
    id: `${ATTACHMENT_NOTE_PREFIX}${row.id}`,
    author,
    ...(row.created_at ? { date: row.created_at } : {}),
    text: `${label} attached: ${row.file_name} (${row.media_type}, ${formatBytes(Number(row.size))}); download ${attachmentHref(order.id, row.id)}`,
  };
}

/** Writes the attachment notes of the app order `orderId` onto its ProductOrder, if it has one yet. */
export async function refreshAttachmentNotes(tx: Queryable, orderId: string): Promise<void> {
  const found = await findByExternalId(tx, orderId);
  if (!found) return;
  const locked = await lockProductOrder(tx, found.order.id);
  if (!locked) return;
  const rows = await attachmentsOf(tx, orderId);
  const rep = locked.order.relatedParty?.find((party) => party.role === 'salesAgent')?.name ?? 'Outpost';
  const others = (locked.order.note ?? []).filter((note) => !note.id?.startsWith(ATTACHMENT_NOTE_PREFIX));
  const note = [...others, ...rows.map((row) => noteOf(locked.order, row, rep))];
  if (jsonEqual(note, locked.order.note ?? [])) return;
  await updateProductOrder(tx, { ...locked.order, note }, locked.cancellationOrigin);
}
