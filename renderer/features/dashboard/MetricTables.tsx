import { conversionRates, CYCLE_STAGES, type SalesMetrics } from '../../../shared/dashboard/salesMetrics';
import { CYCLE_LABELS, countText, daysText, moneyText, percentText, PIPELINE_LABELS } from './dashboardText';
import { FigureTable } from './FigureTable';

/** The dashboard's numbers as tables: what the charts draw, readable by a screen reader and exact. */
export function ConversionTable({ metrics, caption }: { metrics: SalesMetrics; caption: string }) {
  const { funnel } = metrics;
  const rates = conversionRates(funnel);
  const rows = [
    ['Leads', funnel.leads, '—'],
    ['Converted to an opportunity', funnel.opportunities, percentText(rates.toOpportunity)],
    ['Quoted', funnel.quoted, percentText(rates.toQuote)],
    ['Ordered', funnel.ordered, percentText(rates.toOrder)],
    ['Lead to order conversion', funnel.ordered, percentText(rates.overall)],
  ] as const;
  return (
    <FigureTable
      caption={caption}
      rowHeader="Stage"
      columns={['Leads', 'Of the stage before']}
      rows={rows.map(([stage, count, rate]) => ({ key: stage, header: stage, cells: [countText(count), rate] }))}
    />
  );
}

export function CycleTable({ metrics, caption }: { metrics: SalesMetrics; caption: string }) {
  return (
    <FigureTable
      caption={caption}
      rowHeader="Stage"
      columns={['Median', 'Measured over']}
      rows={CYCLE_STAGES.map((stage) => ({
        key: stage,
        header: CYCLE_LABELS[stage],
        cells: [daysText(metrics.cycle[stage].medianDays), countText(metrics.cycle[stage].count)],
      }))}
    />
  );
}

export function AccuracyTable({ metrics, caption }: { metrics: SalesMetrics; caption: string }) {
  const { accuracy } = metrics;
  return (
    <FigureTable
      caption={caption}
      columns={['Orders answered', 'Rejected', 'Fell out', 'Order accuracy']}
      rows={[
        {
          key: 'accuracy',
          cells: [countText(accuracy.judged), countText(accuracy.rejected), countText(accuracy.fallOut), percentText(accuracy.share)],
        },
      ]}
    />
  );
}

export function PipelineTable({ metrics, caption }: { metrics: SalesMetrics; caption: string }) {
  const total = metrics.pipeline.reduce((sum, row) => ({ count: sum.count + row.count, value: sum.value + row.value }), {
    count: 0,
    value: 0,
  });
  const rows = [
    ...metrics.pipeline.map((row) => ({
      key: row.stage,
      header: PIPELINE_LABELS[row.stage],
      cells: [countText(row.count), moneyText(row.value)],
    })),
    { key: 'total', header: 'Open pipeline', cells: [countText(total.count), moneyText(total.value)] },
  ];
  return <FigureTable caption={caption} rowHeader="Stage" columns={['Opportunities', 'Value']} rows={rows} />;
}
