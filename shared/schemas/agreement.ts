/**
 * The sales agreement an accepted, signed quote version becomes (TMF651 Agreement; issue 9 item 10),
 * kept on that quote version (quotes v3): shared/quotes/salesAgreement.ts makes it.
 */
const str = { type: 'string' } as const;
const idName = { type: 'object', properties: { id: str, name: str }, required: ['id', 'name'] } as const;

export const agreementSchema = {
  type: 'object',
  properties: {
    id: str,
    '@type': { type: 'string', enum: ['Agreement'] },
    name: str,
    agreementType: { type: 'string', enum: ['commercial'] },
    /** TMF651 status: the customer signed, the seller accepted. */
    status: { type: 'string', enum: ['approved'] },
    accountId: str,
    quoteId: str,
    quoteVersion: { type: 'integer', minimum: 1 },
    initialDate: str,
    agreementPeriod: {
      type: 'object',
      properties: { startDateTime: str, endDateTime: str },
      required: ['startDateTime', 'endDateTime'],
    },
    engagedParty: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: str, name: str, role: { type: 'string', enum: ['customer', 'seller'] }, '@referredType': str },
        required: ['id', 'name', 'role', '@referredType'],
      },
    },
    agreementAuthorization: {
      type: 'array',
      items: {
        type: 'object',
        properties: { date: str, signatureRepresentation: str, state: { type: 'string', enum: ['approved'] } },
        required: ['date', 'signatureRepresentation', 'state'],
      },
    },
    agreementItem: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: str,
          productOffering: { type: 'array', items: idName },
          quantity: { type: 'integer', minimum: 1 },
          termOrCondition: {
            type: 'array',
            items: { type: 'object', properties: { id: str, description: str }, required: ['id', 'description'] },
          },
        },
        required: ['id', 'productOffering', 'quantity', 'termOrCondition'],
      },
    },
    /** The terms of the quote's document, in its words. */
    terms: { type: 'array', items: str },
  },
  required: [
    'id',
    '@type',
    'name',
    'agreementType',
    'status',
    'accountId',
    'quoteId',
    'quoteVersion',
    'initialDate',
    'agreementPeriod',
    'engagedParty',
    'agreementAuthorization',
    'agreementItem',
    'terms',
  ],
} as const;
