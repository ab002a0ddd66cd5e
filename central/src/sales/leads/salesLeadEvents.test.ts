import { describe, expect, it } from 'vitest';
import { centralSuite, ENGINES } from '../../test/harness';
import { type Json } from '../../test/client';
import { asMaster, newLead } from '../../test/fixtures';
import { eventResource, eventsOf, SALES_LEAD, visionLeadBody } from '../../test/salesFixtures';

const forLead = (id: unknown) => (event: Json) => eventResource(event, 'salesLead').id === id;

describe.each(ENGINES)('TMF699 SalesLead events on $name', (engine) => {
  const { tmf, alex, sam } = centralSuite(engine);

  it('records SalesLeadCreateEvent with the SalesLead when a lead is posted, readable by its rep', async () => {
    const lead = (await (await tmf.post(SALES_LEAD, visionLeadBody())).json()) as Json;
    const [event, ...more] = (await eventsOf(tmf, 'sales', 'SalesLeadCreateEvent')).filter(forLead(lead.id));
    expect(more).toEqual([]);
    expect(event).toMatchObject({ eventType: 'SalesLeadCreateEvent', domain: 'sales' });
    expect(eventResource(event as Json, 'salesLead')).toEqual(lead);
    expect((await eventsOf(alex, 'sales')).filter(forLead(lead.id))).toHaveLength(1);
    expect((await eventsOf(sam, 'sales')).filter(forLead(lead.id))).toEqual([]);
  });

  it('announces a lead the app creates, each status change pushed by sync once, and each edit with the attributes it changed', async () => {
    const typed = newLead('user-alex');
    expect(await alex.push('leads', [{ newDocumentState: typed }])).toEqual([]);
    const created = (await eventsOf(tmf, 'sales', 'SalesLeadCreateEvent')).filter(forLead(typed.id));
    expect(created.map((event) => eventResource(event, 'salesLead').status)).toEqual(['acknowledged']);

    const master = (await alex.pull('leads')).documents.find((doc) => doc.id === typed.id) as Json;
    const processed = { ...master, status: 'inProgress', qualified: true, rating: 'A', channel: 'Direct' };
    expect(await alex.push('leads', [{ newDocumentState: processed, assumedMasterState: asMaster(master) }])).toEqual([]);
    // An edit that leaves the status alone is not a state change.
    const stored = (await alex.pull('leads')).documents.find((doc) => doc.id === typed.id) as Json;
    const edited = { ...stored, phone: '+1 555 010 0199' };
    expect(await alex.push('leads', [{ newDocumentState: edited, assumedMasterState: asMaster(stored) }])).toEqual([]);

    const changes = (await eventsOf(tmf, 'sales', 'SalesLeadStateChangeEvent')).filter(forLead(typed.id));
    expect(changes).toHaveLength(1);
    const changed = eventResource(changes[0] as Json, 'salesLead');
    expect(changed).toMatchObject({ status: 'inProgress', rating: 'A', channel: { name: 'Direct' } });
    const now = (await (await tmf.get(`${SALES_LEAD}/${typed.id}`)).json()) as Json;
    expect(now.statusChangeDate).toBe(changed.statusChangeDate);

    const edits = (await eventsOf(tmf, 'sales', 'SalesLeadAttributeValueChangeEvent')).filter(forLead(typed.id));
    expect(edits.map((event) => event.fieldPath)).toEqual(['channel,characteristic,priority,rating', 'prospectContact']);
    expect(eventResource(edits[1] as Json, 'salesLead')).toEqual(now);
  });

  it('announces the first status change of a seeded lead, and a deleted lead (only an open one can be deleted)', async () => {
    const master = (await alex.pull('leads')).documents.find((doc) => doc.id === 'lead-alex-northgate') as Json;
    const cancelled = { ...master, status: 'cancelled', statusChangeReason: 'Duplicate of another lead' };
    expect(await alex.push('leads', [{ newDocumentState: cancelled, assumedMasterState: asMaster(master) }])).toEqual([]);
    expect((await eventsOf(tmf, 'sales', 'SalesLeadStateChangeEvent')).filter(forLead('lead-alex-northgate'))).toHaveLength(1);
    expect((await eventsOf(tmf, 'sales', 'SalesLeadCreateEvent')).filter(forLead('lead-alex-northgate'))).toEqual([]);
    const closed = (await (await tmf.get(`${SALES_LEAD}/lead-alex-northgate`)).json()) as Json;
    expect(closed).toMatchObject({ status: 'cancelled', statusChangeReason: 'Duplicate of another lead' });

    // A closed lead is kept: its deletion is refused, and nothing is announced.
    const stored = (await alex.pull('leads')).documents.find((doc) => doc.id === 'lead-alex-northgate') as Json;
    const refused = await alex.push('leads', [{ newDocumentState: { ...stored, _deleted: true }, assumedMasterState: asMaster(stored) }]);
    expect(String((refused[0]?.syncError as Json | undefined)?.reason)).toContain(
      'lead-alex-northgate is cancelled, so it cannot be deleted',
    );
    expect((await tmf.get(`${SALES_LEAD}/lead-alex-northgate`)).status).toBe(200);

    // An open lead the rep discards is announced as deleted.
    const open = newLead('user-alex');
    expect(await alex.push('leads', [{ newDocumentState: open }])).toEqual([]);
    const openMaster = (await alex.pull('leads')).documents.find((doc) => doc.id === open.id) as Json;
    expect(
      await alex.push('leads', [{ newDocumentState: { ...openMaster, _deleted: true }, assumedMasterState: asMaster(openMaster) }]),
    ).toEqual([]);
    expect((await eventsOf(tmf, 'sales', 'SalesLeadDeleteEvent')).filter(forLead(open.id))).toHaveLength(1);
    expect((await eventsOf(tmf, 'sales', 'SalesLeadDeleteEvent')).filter(forLead('lead-alex-northgate'))).toEqual([]);
    expect((await tmf.get(`${SALES_LEAD}/${open.id}`)).status).toBe(404);
  });

  it('announces nothing for a push it refuses', async () => {
    const invalid = newLead('user-alex', { email: 'not-an-email', phone: undefined });
    const refused = await alex.push('leads', [{ newDocumentState: invalid }]);
    expect(refused).toHaveLength(1);
    expect((await eventsOf(tmf, 'sales')).filter(forLead(invalid.id))).toEqual([]);
  });
});
