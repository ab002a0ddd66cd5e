import { conversionRates, PIPELINE_STAGES, type SalesMetrics } from '../../../shared/dashboard/salesMetrics';
import { ownerText } from '../common/teamView';
import { countText, daysText, moneyText, percentText, PIPELINE_SHORT } from './dashboardText';
import { FigureTable } from './FigureTable';

export interface RepMetrics {
  owner: string;
  metrics: SalesMetrics;
}

/** A manager's figures per rep: one row each, the same measures as the rep's own dashboard. */
export function PerRepTable({ reps, me }: { reps: readonly RepMetrics[]; me: string }) {
  return (
    <FigureTable
      caption="Per rep"
      rowHeader="Rep"
      columns={['Leads', 'Lead to order conversion', 'Median lead to order', 'Order accuracy', 'Open pipeline']}
      rows={reps.map(({ owner, metrics }) => ({
        key: owner,
        header: ownerText(owner, me),
        cells: [
          countText(metrics.funnel.leads),
          percentText(conversionRates(metrics.funnel).overall),
          daysText(metrics.cycle.leadToOrder.medianDays),
          percentText(metrics.accuracy.share),
          moneyText(metrics.pipeline.reduce((sum, row) => sum + row.value, 0)),
        ],
      }))}
    />
  );
}

/** Each rep's pipeline by stage: opportunities and value. */
export function RepPipelineTable({ reps, me }: { reps: readonly RepMetrics[]; me: string }) {
  return (
    <FigureTable
      caption="Pipeline per rep"
      rowHeader="Rep"
      columns={PIPELINE_STAGES.map((stage) => PIPELINE_SHORT[stage])}
      rows={reps.map(({ owner, metrics }) => ({
        key: owner,
        header: ownerText(owner, me),
        cells: metrics.pipeline.map((row) => `${moneyText(row.value)} (${countText(row.count)})`),
      }))}
    />
  );
}
