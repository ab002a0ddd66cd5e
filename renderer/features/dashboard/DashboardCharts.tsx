import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import type { Funnel, PipelineRow } from '../../../shared/dashboard/salesMetrics';
import { moneyText, PIPELINE_SHORT } from './dashboardText';

const WIDTH = 420;
const HEIGHT = 220;

/**
 * The charts are pictures of the tables beside them: named as images, their numbers read from the
 * tables (a screen reader would otherwise walk every SVG tick). No animation: the figures are static.
 */
export function FunnelChart({ funnel, label }: { funnel: Funnel; label: string }) {
  const data = [
    { stage: 'Leads', count: funnel.leads },
    { stage: 'Opportunities', count: funnel.opportunities },
    { stage: 'Quoted', count: funnel.quoted },
    { stage: 'Ordered', count: funnel.ordered },
  ];
  return (
    <figure className="chart" role="img" aria-label={label}>
      <BarChart width={WIDTH} height={HEIGHT} data={data} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="stage" />
        <YAxis allowDecimals={false} width={56} />
        <Bar dataKey="count" fill="#2b6cb0" isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}

export function PipelineChart({ pipeline, label }: { pipeline: readonly PipelineRow[]; label: string }) {
  const data = pipeline.map((row) => ({ stage: PIPELINE_SHORT[row.stage], value: row.value / 100 }));
  return (
    <figure className="chart" role="img" aria-label={label}>
      <BarChart width={WIDTH} height={HEIGHT} data={data} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="stage" />
        <YAxis width={80} tickFormatter={(dollars: number) => moneyText(dollars * 100).replace(/\.00$/, '')} />
        <Bar dataKey="value" fill="#2f855a" isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}
