import { useMemo } from 'react';
import { byOwner, salesMetrics, type SalesMetrics } from '../../../shared/dashboard/salesMetrics';
import { useOutpost } from '../../app/OutpostContext';
import { useCollectionRows } from '../../data/hooks';
import { FunnelChart, PipelineChart } from './DashboardCharts';
import { AccuracyTable, ConversionTable, CycleTable, PipelineTable } from './MetricTables';
import { PerRepTable, RepPipelineTable, type RepMetrics } from './TeamTables';

interface Figures {
  all: SalesMetrics;
  reps: RepMetrics[];
  /** How long the figures took, for the benchmark (`data-compute-ms`). */
  ms: number;
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
  const figures: Figures = useMemo(() => {
    const started = performance.now();
    const records = { leads: leads.rows, opportunities: opportunities.rows, quotes: quotes.rows, orders: orders.rows };
    const all = salesMetrics(records);
    const reps = manager
      ? [...byOwner(records).entries()]
          .filter(([owner]) => owner !== user.id)
          .map(([owner, own]) => ({ owner, metrics: salesMetrics(own) }))
      : [];
    return { all, reps, ms: performance.now() - started };
  }, [leads.rows, opportunities.rows, quotes.rows, orders.rows, manager, user.id]);
  const scope = manager ? 'Team' : 'Your';
  return (
    <div className="screen" data-compute-ms={figures.ms.toFixed(1)}>
      <div className="screen-header">
        <h1>Dashboard</h1>
      </div>
      <p className="muted" role="status" aria-label="Dashboard records">
        {loading
          ? 'Still reading the records on this laptop; the figures so far:'
          : `From the records on this laptop: ${leads.rows.length.toLocaleString('en-US')} leads, ${opportunities.rows.length.toLocaleString('en-US')} opportunities, ${quotes.rows.length.toLocaleString('en-US')} quotes, ${orders.rows.length.toLocaleString('en-US')} orders.`}
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
