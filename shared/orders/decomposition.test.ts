import { describe, expect, it } from 'vitest';
import { orderProgress, type DecompositionLine } from './decomposition';
import { parseFallout } from './fallout';

const fibre: DecompositionLine = { id: '01', name: 'Fibre', specification: 'Internet', quantity: 1, oneTimeOnly: false };
const mobile: DecompositionLine = { id: '02', name: 'Mobile Business', specification: 'Mobile', quantity: 5, oneTimeOnly: false };
const install: DecompositionLine = { id: '03', name: 'Installation', specification: 'Services', quantity: 1, oneTimeOnly: true };

const statuses = (progress: ReturnType<typeof orderProgress>) => progress.domains.map((d) => `${d.specification}:${d.status}`);

describe('order decomposition and progress', () => {
  it('makes one domain order per specification, installation lines a field visit', () => {
    const progress = orderProgress([fibre, mobile, install, { ...fibre, id: '04', name: 'Fibre 2' }], 'acknowledged', undefined);
    expect(progress.domains.map((d) => [d.specification, d.lineIds])).toEqual([
      ['Internet', ['01', '04']],
      ['Mobile', ['02']],
      ['Field services', ['03']],
    ]);
    expect(progress.domains[2]?.tasks.map((t) => t.name)).toEqual(['Schedule field visit', 'Install on site', 'Confirm with customer']);
    expect(statuses(progress)).toEqual(['Internet:notStarted', 'Mobile:notStarted', 'Field services:notStarted']);
  });

  it('runs large multi-site orders as a special project, small ones not', () => {
    expect(orderProgress([fibre, mobile], 'inProgress', undefined).specialProject).toBeUndefined();
    expect(orderProgress([fibre, { ...mobile, quantity: 25 }], 'inProgress', undefined).specialProject?.reason).toBe(
      '26 units: run as a project with a plan and site coordination',
    );
    expect(orderProgress([fibre, mobile, install, { ...fibre, id: '04' }], 'completed', undefined).specialProject?.status).toBe('done');
  });

  it('shows the line that fell out blocked, waiting or failed, the others as they stand', () => {
    const held = parseFallout('Held on line 02 (Mobile Business): the SIMs are out of stock');
    expect(statuses(orderProgress([fibre, mobile], 'held', held))).toEqual(['Internet:inProgress', 'Mobile:blocked']);
    const pending = parseFallout('Information required on line 01 (Fibre): confirm the address');
    expect(statuses(orderProgress([fibre, mobile], 'pending', pending))).toEqual(['Internet:waiting', 'Mobile:inProgress']);
    const partial = parseFallout('Partially completed: line 01 (Fibre) delivered; line 02 (Mobile Business) failed: no coverage');
    expect(statuses(orderProgress([fibre, mobile], 'partial', partial))).toEqual(['Internet:done', 'Mobile:failed']);
    expect(statuses(orderProgress([fibre, mobile], 'completed', undefined))).toEqual(['Internet:done', 'Mobile:done']);
    expect(statuses(orderProgress([fibre, mobile], 'cancelled', undefined))).toEqual(['Internet:cancelled', 'Mobile:cancelled']);
  });
});
