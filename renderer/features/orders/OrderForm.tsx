import { useEffect, useRef } from 'react';
import type { AccountDoc, OrderDoc } from '../../../shared/schemas';
import { SelectField } from '../common/SelectField';
import { TextField } from '../common/TextField';
import { issuesByField, ORDER_FIELDS, orderFieldId } from './orderForm';
import { useOrderForm } from './useOrderForm';
import { OrderPayment } from './OrderPayment';
import { ErrorNotice } from '../common/ErrorNotice';

/**
 * Billing account and service address of a draft order, "Validate order" and "Submit order".
 * Every missing item is listed (an alert) and shown next to its field; any edit takes a
 * validated order back to draft, so only a checked order can be submitted.
 */
export function OrderForm({ order, account }: { order: OrderDoc; account: AccountDoc | null | undefined }) {
  const form = useOrderForm(order, account?.country);
  const { focusRequest } = form;
  const fieldIssues = issuesByField(form.issues);
  const summaryRef = useRef<HTMLDivElement>(null);
  const billingAccounts = account?.billingAccounts ?? [];

  useEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.field) document.getElementById(orderFieldId(focusRequest.field))?.focus();
    else summaryRef.current?.focus();
  }, [focusRequest]);

  const address = ORDER_FIELDS.filter((f) => f.field !== 'billingAccount');

  if (!form.editable) {
    const billing = billingAccounts.find((b) => b.id === order.billingAccount);
    const where = [
      order.serviceAddress?.street,
      order.serviceAddress?.city,
      order.serviceAddress?.postcode,
      order.serviceAddress?.country,
    ].filter(Boolean);
    return (
      <ul className="facts" aria-label="Billing and service address">
        <li>Billing account: {billing ? `${billing.name} (${billing.id})` : order.billingAccount || '—'}</li>
        <li>Service address: {where.length > 0 ? where.join(', ') : '—'}</li>
      </ul>
    );
  }

  return (
    <form className="form" noValidate aria-label="Order details" onSubmit={(e) => e.preventDefault()}>
      <div ref={summaryRef} tabIndex={-1} role="alert">
        {form.issues.length > 0 ? (
          <div className="notice notice--error error-summary">
            <p>The order cannot be submitted yet:</p>
            <ul aria-label="Missing items">
              {form.issues.map((issue) => (
                <li key={`${issue.field}:${issue.message}`}>{issue.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      {billingAccounts.length > 0 ? (
        <SelectField
          id={orderFieldId('billingAccount')}
          label="Billing account"
          value={form.fields.billingAccount}
          options={billingAccounts.map((b) => ({ value: b.id, label: b.name }))}
          placeholder="Choose…"
          error={fieldIssues.billingAccount}
          onChange={(v) => form.edit('billingAccount', v)}
        />
      ) : (
        <TextField
          id={orderFieldId('billingAccount')}
          label="Billing account"
          hint="The customer's billing account number"
          value={form.fields.billingAccount}
          error={fieldIssues.billingAccount}
          onChange={(v) => form.edit('billingAccount', v)}
        />
      )}
      <fieldset className="form-group">
        <legend>Service address</legend>
        <div className="form-grid">
          {address.map(({ field, label }) => (
            <TextField
              key={field}
              id={orderFieldId(field)}
              label={label}
              value={form.fields[field]}
              error={fieldIssues[field]}
              onChange={(v) => form.edit(field, v)}
            />
          ))}
        </div>
      </fieldset>
      <OrderPayment order={order} canPay={form.canPay} pay={form.pay} />
      {form.error ? <ErrorNotice>{form.error}</ErrorNotice> : null}
      <div role="status" aria-live="polite">
        {form.justValidated && form.issues.length === 0 ? (
          <p className="notice notice--success">The order is complete and can be submitted.</p>
        ) : null}
      </div>
      {form.paymentBlock ? <p className="notice">{form.paymentBlock}</p> : null}
      <div className="form-actions">
        <button type="button" className="button" disabled={!form.canValidate} onClick={form.validate}>
          Validate order
        </button>
        <button type="button" className="button button--primary" disabled={!form.canSubmit} onClick={form.submit}>
          Submit order
        </button>
      </div>
    </form>
  );
}
