/** The validator is only proof if it fails where the spec says no: checked here without a server. */
import { describe, expect, it } from 'vitest';
import { conformanceProblems, expectConformant, specPathOf } from './tmfConformance';

const PO = '/tmf-api/productOrderingManagement/v4/productOrder';
const order = {
  id: 'po-1',
  href: `${PO}/po-1`,
  orderDate: '2026-11-20T10:00:00.000Z',
  state: 'acknowledged',
  productOrderItem: [{ id: '01', action: 'add', state: 'acknowledged' }],
};

describe('tmfConformance against the official swagger files', () => {
  it('finds operations by server or spec path template, with or without the base path', () => {
    expect(specPathOf('TMF622', `${PO}/:id`)).toBe('/productOrder/{id}');
    expect(specPathOf('TMF622', '/productOrder/{id}')).toBe('/productOrder/{id}');
    expect(specPathOf('TMF688', '/tmf-api/event/v4/topic/:topic/event/:eventId')).toBe('/topic/{topicId}/event/{id}');
    expect(specPathOf('TMF622', '/nothing')).toBeUndefined();
  });

  it('accepts a conformant resource and list', () => {
    expect(conformanceProblems('TMF622', 'GET', `${PO}/:id`, 200, order)).toEqual([]);
    expect(conformanceProblems('TMF622', 'GET', PO, 200, [order, order])).toEqual([]);
  });

  it("fails with the validator's message on wrong enums, types, required fields and formats", () => {
    const problems = conformanceProblems('TMF622', 'POST', PO, 201, {
      ...order,
      state: 'shipped',
      orderDate: '20 Nov 2026',
      productOrderItem: [{ id: 1, state: 'partial' }],
    });
    expect(problems[0]).toContain('The response was not valid.');
    expect(problems.join('\n')).toMatch(/state: must be equal to one of the allowed values/);
    expect(problems.join('\n')).toMatch(/orderDate: must match format "date-time"/);
    expect(problems.join('\n')).toMatch(/productOrderItem\/0: must have required property 'action'/);
    expect(problems.join('\n')).toMatch(/productOrderItem\/0\/id: must be string/);
    // `partial` is an order state, never an item state (left strict on purpose).
    expect(problems.join('\n')).toMatch(/productOrderItem\/0\/state: must be equal to one of the allowed values/);
    expect(() => expectConformant('TMF622', 'GET', PO, 200, [{ ...order, productOrderItem: 'x' }])).toThrow(
      /0\/productOrderItem: must be array/,
    );
  });

  it("checks errors against the spec's Error, also for statuses the operation does not list", () => {
    expect(conformanceProblems('TMF622', 'GET', `${PO}/:id`, 404, { code: 'not_found', reason: 'No order', status: '404' })).toEqual([]);
    expect(conformanceProblems('TMF622', 'GET', `${PO}/:id`, 404, { message: 'no reason' }).join('\n')).toMatch(/required property 'code'/);
    expect(conformanceProblems('TMF622', 'POST', PO, 415, { code: 'x', reason: 'y', status: 415 }).join('\n')).toMatch(
      /status: must be string/,
    );
    expect(conformanceProblems('TMF622', 'GET', `${PO}/nope`, 404, { code: 'x', reason: 'y' })).toEqual([]);
  });

  it('refuses success statuses the operation does not declare', () => {
    expect(conformanceProblems('TMF622', 'GET', PO, 201, [])[0]).toContain('declares no 201');
    expect(conformanceProblems('TMF622', 'PUT', PO, 200, {})[0]).toContain('has no operation');
  });

  it('checks a DELETE 204 as an empty body', () => {
    expect(conformanceProblems('TMF622', 'DELETE', `${PO}/:id`, 204, undefined)).toEqual([]);
    expect(conformanceProblems('TMF622', 'DELETE', `${PO}/:id`, 204, { id: 'x' })).not.toEqual([]);
  });

  describe('documented quirks', () => {
    it('1: TMF637 "aborted " (sic) accepts the server\'s "aborted", nothing else', () => {
      expect(conformanceProblems('TMF637', 'GET', '/product/{id}', 200, { id: 'p', status: 'aborted' })).toEqual([]);
      expect(conformanceProblems('TMF637', 'GET', '/product/{id}', 200, { id: 'p', status: 'aborted ' })).toEqual([]);
      expect(conformanceProblems('TMF637', 'GET', '/product/{id}', 200, { id: 'p', status: 'gone' })).not.toEqual([]);
    });

    it('2: fields= may drop required first-level attributes, not nested ones', () => {
      const selected = [{ id: 'po-1', href: order.href, state: 'acknowledged' }];
      expect(conformanceProblems('TMF622', 'GET', PO, 200, selected)).not.toEqual([]);
      expect(conformanceProblems('TMF622', 'GET', PO, 200, selected, { fieldsSelected: true })).toEqual([]);
      const nested = [{ ...selected[0], productOrderItem: [{ id: '01' }] }];
      expect(conformanceProblems('TMF622', 'GET', PO, 200, nested, { fieldsSelected: true }).join('\n')).toMatch(
        /required property 'action'/,
      );
    });

    it('4: format uri accepts the relative href the server sends as Location, not whitespace', () => {
      const offering = (href: string) => ({ id: 'o', name: 'O', category: [{ id: 'c', href }] });
      const relative = offering('/tmf-api/productCatalogManagement/v4/category/c');
      expect(conformanceProblems('TMF620', 'GET', '/productOffering/{id}', 200, relative)).toEqual([]);
      expect(conformanceProblems('TMF620', 'GET', '/productOffering/{id}', 200, offering('not a uri')).join('\n')).toMatch(
        /category\/0\/href: must match format "uri"/,
      );
    });

    it('5: a POST answering 200 with the existing resource is checked against the 201 schema', () => {
      expect(conformanceProblems('TMF622', 'POST', PO, 200, order)).toEqual([]);
      expect(conformanceProblems('TMF622', 'POST', PO, 200, { ...order, state: 'x' })).not.toEqual([]);
    });
  });

  it('does not change the body it validates (the library fills defaults in)', () => {
    const body = structuredClone(order);
    expectConformant('TMF622', 'GET', `${PO}/:id`, 200, body);
    expect(body).toEqual(order);
  });
});
