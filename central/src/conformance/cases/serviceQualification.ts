/** TMF645 Service Qualification: checkServiceQualification's success and error answers against the v4 swagger. */
import { randomUUID } from 'node:crypto';
import { call, conforms } from '../session';
import type { CaseTable } from './types';

const CHECK = '/tmf-api/serviceQualificationManagement/v4/checkServiceQualification';
const item = (postcode: string, spec?: string) => ({
  id: '1',
  service: { ...(spec ? { serviceSpecification: { id: spec } } : {}), place: [{ role: 'installationAddress', postcode, country: 'US' }] },
});

export const SERVICE_QUALIFICATION_CASES: CaseTable = {
  [`POST ${CHECK}`]: async ({ session, template }) => {
    conforms(
      await call(session, 'POST', CHECK, { who: 'alex', body: { serviceQualificationItem: [item('80301'), item('00000', 'fibre')] } }),
      template,
      201,
    );
    conforms(await call(session, 'POST', CHECK, { who: 'alex', body: { serviceQualificationItem: [] } }), template, 400);
    conforms(
      await call(session, 'POST', CHECK, { who: 'alex', body: { serviceQualificationItem: [{ id: '1', service: {} }] } }),
      template,
      400,
    );
  },

  [`GET ${CHECK}/:id`]: async ({ session, template }) => {
    const created = await call(session, 'POST', CHECK, { who: 'alex', body: { serviceQualificationItem: [item('94607', 'fibre')] } });
    const id = String((created.body as { id: string }).id);
    conforms(await call(session, 'GET', `${CHECK}/${id}`, { who: 'alex' }), template, 200);
    conforms(await call(session, 'GET', `${CHECK}/${id}?fields=state`, { who: 'alex' }), template, 200, { fieldsSelected: true });
    conforms(await call(session, 'GET', `${CHECK}/${id}`, { who: 'sam' }), template, 404);
    conforms(await call(session, 'GET', `${CHECK}/${randomUUID()}`, { who: 'alex' }), template, 404);
  },
};
