import { conversionRates, PIPELINE_STAGES, type SalesMetrics } from '../../../shared/dashboard/salesMetrics';
import { ownerText } from '../common/teamView';
import { daysText, moneyText, percentText, PIPELINE_SHORT } from './dashboardText';

export interface RepMetrics {
  owner: string;
  metrics: SalesMetrics;
}

/** A manager's figures per rep: one row each, the same measures as the rep's own dashboard. */
export function PerRepTable({ reps, me }: { reps: readonly RepMetrics[]; me: string }) {
  return (
    <table className="data-table">
      <caption>Per rep</caption>
      <thead>
        <tr>
          <th scope="col">Rep</th>
          <th scope="col" className="num">
            Leads
          </th>
          <th scope="col" className="num">
            Lead to order conversion
          </th>
          <th scope="col" className="num">
            Median lead to order
          </th>
          <th scope="col" className="num">
            Order accuracy
          </th>
          <th scope="col" className="num">
            Open pipeline
          </th>
        </tr>
      </thead>
      <tbody>
        {reps.map(({ owner, metrics }) => (
          <tr key={owner}>
            <th scope="row">{ownerText(owner, me)}</th>
            <td className="num">{metrics.funnel.leads.toLocaleString('en-US')}</td>
            <td className="num">{percentText(conversionRates(metrics.funnel).overall)}</td>
            <td className="num">{daysText(metrics.cycle.leadToOrder.medianDays)}</td>
            <td className="num">{percentText(metrics.accuracy.share)}</td>
            <td className="num">{moneyText(metrics.pipeline.reduce((sum, row) => sum + row.value, 0))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each rep's pipeline by stage: opportunities and value. */
export function RepPipelineTable({ reps, me }: { reps: readonly RepMetrics[]; me: string }) {
  return (
    <table className="data-table">
      <caption>Pipeline per rep</caption>
      <thead>
        <tr>
          <th scope="col">Rep</th>
          {PIPELINE_STAGES.map((stage) => (
            <th scope="col" className="num" key={stage}>
              {PIPELINE_SHORT[stage]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {reps.map(({ owner, metrics }) => (
          <tr key={owner}>
            <th scope="row">{ownerText(owner, me)}</th>
            {metrics.pipeline.map((row) => (
              <td className="num" key={row.stage}>
                {moneyText(row.value)} ({row.count.toLocaleString('en-US')})
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
