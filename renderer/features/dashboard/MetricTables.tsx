import { conversionRates, CYCLE_STAGES, type SalesMetrics } from '../../../shared/dashboard/salesMetrics';
import { CYCLE_LABELS, daysText, moneyText, percentText, PIPELINE_LABELS } from './dashboardText';

/** The dashboard's numbers as tables: what the charts draw, readable by a screen reader and exact. */
export function ConversionTable({ metrics, caption }: { metrics: SalesMetrics; caption: string }) {
  const { funnel } = metrics;
  const rates = conversionRates(funnel);
  const rows = [
    ['Leads', funnel.leads, '—'],
    ['Converted to an opportunity', funnel.opportunities, percentText(rates.toOpportunity)],
    ['Quoted', funnel.quoted, percentText(rates.toQuote)],
    ['Ordered', funnel.ordered, percentText(rates.toOrder)],
  ] as const;
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Stage</th>
          <th scope="col" className="num">
            Leads
          </th>
          <th scope="col" className="num">
            Of the stage before
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([stage, count, rate]) => (
          <tr key={stage}>
            <th scope="row">{stage}</th>
            <td className="num">{count.toLocaleString('en-US')}</td>
            <td className="num">{rate}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">Lead to order conversion</th>
          <td className="num">{funnel.ordered.toLocaleString('en-US')}</td>
          <td className="num">{percentText(rates.overall)}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function CycleTable({ metrics, caption }: { metrics: SalesMetrics; caption: string }) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Stage</th>
          <th scope="col" className="num">
            Median
          </th>
          <th scope="col" className="num">
            Measured over
          </th>
        </tr>
      </thead>
      <tbody>
        {CYCLE_STAGES.map((stage) => (
          <tr key={stage}>
            <th scope="row">{CYCLE_LABELS[stage]}</th>
            <td className="num">{daysText(metrics.cycle[stage].medianDays)}</td>
            <td className="num">{metrics.cycle[stage].count.toLocaleString('en-US')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AccuracyTable({ metrics, caption }: { metrics: SalesMetrics; caption: string }) {
  const { accuracy } = metrics;
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            Orders answered
          </th>
          <th scope="col" className="num">
            Rejected
          </th>
          <th scope="col" className="num">
            Fell out
          </th>
          <th scope="col" className="num">
            Order accuracy
          </th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td className="num">{accuracy.judged.toLocaleString('en-US')}</td>
          <td className="num">{accuracy.rejected.toLocaleString('en-US')}</td>
          <td className="num">{accuracy.fallOut.toLocaleString('en-US')}</td>
          <td className="num">{percentText(accuracy.share)}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function PipelineTable({ metrics, caption }: { metrics: SalesMetrics; caption: string }) {
  const total = metrics.pipeline.reduce((sum, row) => ({ count: sum.count + row.count, value: sum.value + row.value }), {
    count: 0,
    value: 0,
  });
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Stage</th>
          <th scope="col" className="num">
            Opportunities
          </th>
          <th scope="col" className="num">
            Value
          </th>
        </tr>
      </thead>
      <tbody>
        {metrics.pipeline.map((row) => (
          <tr key={row.stage}>
            <th scope="row">{PIPELINE_LABELS[row.stage]}</th>
            <td className="num">{row.count.toLocaleString('en-US')}</td>
            <td className="num">{moneyText(row.value)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">Open pipeline</th>
          <td className="num">{total.count.toLocaleString('en-US')}</td>
          <td className="num">{moneyText(total.value)}</td>
        </tr>
      </tbody>
    </table>
  );
}
