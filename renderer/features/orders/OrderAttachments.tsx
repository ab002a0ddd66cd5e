import { useState } from 'react';
import { newId } from '../../../shared/ids';
import {
  ATTACHMENT_KIND_LABELS,
  ATTACHMENT_KINDS,
  checkAttachment,
  formatBytes,
  fromBase64,
  type AttachmentKind,
} from '../../../shared/orders/attachment';
import type { OrderDoc } from '../../../shared/schemas';
import { useOutpost } from '../../app/OutpostContext';
import { useDocuments } from '../../data/hooks';
import { insertDocument } from '../../data/writes';
import { platform } from '../../platform';
import { SelectField } from '../common/SelectField';

const KIND_OPTIONS = ATTACHMENT_KINDS.map((kind) => ({ value: kind, label: ATTACHMENT_KIND_LABELS[kind] }));

/** The file as base64, encoded by the browser off the main thread (a data URL), not by a loop over 5 MB here. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/**
 * A PO or letter of credit attached to the order, offline: checked here by its bytes and size
 * (shared/orders/attachment.ts), stored encrypted in its own collection, synced with the order;
 * the central system checks it again and lists it on the ProductOrder.
 */
export function OrderAttachments({ order }: { order: OrderDoc }) {
  const { db, user } = useOutpost();
  const attachments = useDocuments('orderAttachments', { selector: { orderId: order.id }, sort: [{ id: 'asc' }] });
  const [kind, setKind] = useState<AttachmentKind>('purchaseOrder');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const mayAttach = order.owner === user.id;
  if (!mayAttach && (attachments?.length ?? 0) === 0) return null;

  async function attach(file: File) {
    setMessage(null);
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    const checked = checkAttachment(file.name, file.size, head);
    if (!checked.ok) {
      setMessage({ error: true, text: checked.message });
      return;
    }
    try {
      const now = new Date().toISOString();
      await insertDocument(db, 'orderAttachments', {
        id: newId(),
        owner: user.id,
        createdAt: now,
        updatedAt: now,
        syncPending: true,
        orderId: order.id,
        kind,
        fileName: file.name,
        mediaType: checked.mediaType,
        size: file.size,
        data: await readBase64(file),
      });
      setMessage({ error: false, text: `${file.name} is attached; it is sent with the order` });
    } catch (e) {
      setMessage({ error: true, text: `Could not attach ${file.name}: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  async function savePdf(fileName: string, data: string) {
    const answer = await platform.documents.savePdf(fileName, fromBase64(data));
    if (!answer.saved && !answer.cancelled) setMessage({ error: true, text: answer.reason });
  }

  return (
    <section className="section" aria-labelledby="order-attachments-heading">
      <h2 id="order-attachments-heading">Attachments</h2>
      {attachments && attachments.length > 0 ? (
        <ul aria-label="Attached documents">
          {attachments.map((attachment) => (
            <li key={attachment.id}>
              {ATTACHMENT_KIND_LABELS[attachment.kind]}: {attachment.fileName} ({formatBytes(attachment.size)})
              {attachment.syncError
                ? ` - not accepted: ${attachment.syncError.reason}`
                : attachment.syncPending
                  ? ' - waiting to sync'
                  : ''}
              {attachment.mediaType === 'application/pdf' ? (
                <button type="button" className="button" onClick={() => void savePdf(attachment.fileName, attachment.data)}>
                  Save a copy of {attachment.fileName}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No documents attached.</p>
      )}
      {mayAttach ? (
        <>
          <SelectField
            id="order-attachment-kind"
            label="Document type"
            value={kind}
            options={KIND_OPTIONS}
            onChange={(value) => setKind(value as AttachmentKind)}
          />
          <div className="field">
            <label className="field-label" htmlFor="order-attachment-file">
              Attach a file (PDF, PNG or JPEG, at most 5 MB)
            </label>
            <input
              id="order-attachment-file"
              className="field-input"
              type="file"
              accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void attach(file);
              }}
            />
          </div>
        </>
      ) : null}
      {message ? (
        <p className={message.error ? 'notice notice--error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
