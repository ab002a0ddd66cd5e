import { useEffect, useState } from 'react';
import { byOwner, salesMetricsSteps, type SalesMetrics, type SalesRecords } from '../../../shared/dashboard/salesMetrics';
import { runSliced } from '../../../shared/slicing';
import { useOutpost } from '../../app/OutpostContext';
import { useCollectionRows } from '../../data/hooks';
import { Loading } from '../common/Loading';
import { FunnelChart, PipelineChart } from './DashboardCharts';
import { AccuracyTable, ConversionTable, CycleTable, PipelineTable } from './MetricTables';
import { PerRepTable, RepPipelineTable, type RepMetrics } from './TeamTables';
import { countText } from './dashboardText';

interface Figures {
  all: SalesMetrics;
  reps: RepMetrics[];
  /** How long the figures took, pauses included, for the benchmark (`data-compute-ms`). */
  ms: number;
}

/** Longest slice of the computation: a keystroke or a sync batch never waits behind more. */
const SLICE_MS = 8;
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The team's (or the rep's) figures, then each rep's for a manager, in slices of SLICE_MS; undefined if `stale`. */
async function computeFigures(records: SalesRecords, manager: boolean, me: string, stale: () => boolean): Promise<Figures | undefined> {
  const started = performance.now();
  const run = (of: SalesRecords) => runSliced(salesMetricsSteps(of), pause, () => performance.now(), SLICE_MS, stale);
  const all = await run(records);
  if (!all) return undefined;
  const reps: RepMetrics[] = [];
  if (manager) {
    for (const [owner, own] of byOwner(records)) {
      if (owner === me) continue;
      const metrics = await run(own);
      if (!metrics) return undefined;
      reps.push({ owner, metrics });
    }
  }
  return { all, reps, ms: performance.now() - started };
}

/**
 * Sales figures from the records on this laptop, offline: a rep's own, a manager's for the team
 * (the pull gives a manager their reps' records) and per rep. Recomputed when a collection changes;
 * one pass per collection, so tier M (50k leads) stays a short task.
 */
export function DashboardPage() {
  const { user } = useOutpost();
  const leads = useCollectionRows('leads');
  const opportunities = useCollectionRows('opportunities');
  const quotes = useCollectionRows('quotes');
  const orders = useCollectionRows('orders');
  const manager = user.role === 'manager';
  const loading = leads.loading || opportunities.loading || quotes.loading || orders.loading;
  const [figures, setFigures] = useState<Figures | null>(null);
  useEffect(() => {
    let stale = false;
    const records = { leads: leads.rows, opportunities: opportunities.rows, quotes: quotes.rows, orders: orders.rows };
    void computeFigures(records, manager, user.id, () => stale).then((done) => {
      if (done && !stale) setFigures(done);
    });
    return () => {
      stale = true;
    };
  }, [leads.rows, opportunities.rows, quotes.rows, orders.rows, manager, user.id]);
  const scope = manager ? 'Team' : 'Your';
  if (!figures) {
    return (
      <div className="screen">
        <div className="screen-header">
          <h1>Dashboard</h1>
        </div>
        <Loading what="Working out the figures…" />
      </div>
    );
  }
  return (
    <div className="screen" data-compute-ms={figures.ms.toFixed(1)}>
      <div className="screen-header">
        <h1>Dashboard</h1>
      </div>
      <p className="muted" role="status" aria-label="Dashboard records">
        {loading
          ? 'Still reading the records on this laptop; the figures so far:'
          : `From the records on this laptop: ${countText(leads.rows.length)} leads, ${countText(opportunities.rows.length)} opportunities, ${countText(quotes.rows.length)} quotes, ${countText(orders.rows.length)} orders.`}
      </p>
      <section className="section" aria-label="Lead conversion">
        <h2>Lead conversion</h2>
        <ConversionTable metrics={figures.all} caption={`${scope} lead conversion`} />
        <FunnelChart funnel={figures.all.funnel} label={`Chart of ${scope.toLowerCase()} lead conversion; the numbers are in the table`} />
      </section>
      <section className="section" aria-label="Sales cycle time">
        <h2>Sales cycle time</h2>
        <CycleTable metrics={figures.all} caption={`${scope} median days per stage`} />
      </section>
      <section className="section" aria-label="Order accuracy">
        <h2>Order accuracy</h2>
        <p className="muted">Share of the orders the central system answered that were acknowledged without rejection or fall-out.</p>
        <AccuracyTable metrics={figures.all} caption={`${scope} order accuracy`} />
      </section>
      <section className="section" aria-label="Pipeline value">
        <h2>Pipeline value by stage</h2>
        <p className="muted">
          Open opportunities: the latest quote's first-year value (one-time + 12 × monthly), else the expected amount.
        </p>
        <PipelineTable metrics={figures.all} caption={`${scope} pipeline by stage`} />
        <PipelineChart
          pipeline={figures.all.pipeline}
          label={`Chart of ${scope.toLowerCase()} pipeline value by stage; the numbers are in the table`}
        />
      </section>
      {manager ? (
        <section className="section" aria-label="Per rep">
          <h2>Per rep</h2>
          {figures.reps.length === 0 ? (
            <p className="empty">No records of your reps on this laptop yet.</p>
          ) : (
            <>
              <PerRepTable reps={figures.reps} me={user.id} />
              <RepPipelineTable reps={figures.reps} me={user.id} />
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
