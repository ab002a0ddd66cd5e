/**
 * `tsx test/bench/dashboard.ts`: the dashboard's figures over tier M (the bench seed's 10k accounts and
 * 50k leads, plus the conversions a busy rep has: every 5th lead an opportunity, 60% of those quoted,
 * 40% of those ordered). The figures are one synchronous pass, so the time printed is also the
 * length of a task doing them in one go; the screen runs them in 8 ms slices (measured last). BENCH_RUNS (default 7) sets the runs.
 */
import {
  byOwner,
  salesMetrics,
  salesMetricsSteps,
  type OrderFacts,
  type QuoteFacts,
  type SalesRecords,
} from '../../shared/dashboard/salesMetrics';
import { runSliced } from '../../shared/slicing';
import type { OpportunityDoc } from '../../shared/schemas';
import { TIER_M, benchAccount, benchLead } from './seed';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ORDER_STATES: OrderFacts['status'][] = ['completed', 'acknowledged', 'inProgress', 'rejected', 'failed', 'queued', 'draft'];
const QUOTE_STATES: QuoteFacts['status'][] = ['inProgress', 'pending', 'approved', 'accepted'];

function tierM(reps: readonly string[]): SalesRecords & { accounts: number } {
  const accounts = Array.from({ length: TIER_M.accounts }, (_, i) => benchAccount(i));
  const leads = [];
  const opportunities: OpportunityDoc[] = [];
  const quotes: QuoteFacts[] = [];
  const orders: OrderFacts[] = [];
  for (let i = 0; i < TIER_M.leads; i++) {
    const owner = reps[i % reps.length]!;
    const lead = { ...benchLead(i), owner };
    if (i % 5 === 0) {
      const at = (days: number) => new Date(Date.parse(lead.createdAt) + days * 86_400_000).toISOString();
      const opportunity: OpportunityDoc = {
        id: `opp-${i}`,
        owner,
        createdAt: at(1 + (i % 7)),
        updatedAt: lead.updatedAt,
        syncPending: false,
        name: lead.company,
        accountId: accounts[i % accounts.length]!.id,
        leadId: lead.id,
        expectedAmount: lead.purchaseAmount,
        status: 'inProgress',
      };
      opportunities.push(opportunity);
      lead.opportunityId = opportunity.id;
      if (i % 25 < 15) {
        const totals = { oneTime: 50_000, recurring: 9_900, currency: 'USD' };
        const status = QUOTE_STATES[i % QUOTE_STATES.length]!;
        quotes.push({ id: `q-${i}`, owner, createdAt: at(10), opportunityId: opportunity.id, version: 1, status, totals });
        if (i % 50 === 0)
          quotes.push({ id: `q2-${i}`, owner, createdAt: at(12), opportunityId: opportunity.id, version: 2, status, totals });
        if (i % 25 < 6) {
          const state = ORDER_STATES[i % ORDER_STATES.length]!;
          orders.push({
            id: `r-${i}`,
            owner,
            createdAt: at(20),
            submittedAt: at(20),
            opportunityId: opportunity.id,
            quoteId: `q-${i}`,
            status: state,
          });
        }
      }
    }
    leads.push(lead);
  }
  return { accounts: accounts.length, leads, opportunities, quotes, orders };
}

function timeRuns(label: string, compute: () => unknown): void {
  compute(); // warm-up: the first run also compiles
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const used = process.cpuUsage();
    compute();
    const spent = process.cpuUsage(used);
    wall.push(performance.now() - started);
    cpu.push((spent.user + spent.system) / 1000);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  // Wall time includes waiting for a core on a loaded machine; CPU time is what the work itself costs.
  console.log(
    `${label}: wall median ${median(wall).toFixed(1)} ms (min ${Math.min(...wall).toFixed(1)}, max ${Math.max(...wall).toFixed(1)}), CPU median ${median(cpu).toFixed(1)} ms (min ${Math.min(...cpu).toFixed(1)}), ${RUNS} runs after a warm-up`,
  );
}

const rep = tierM(['user-alex']);
console.log(
  `tier M: ${rep.accounts} accounts, ${rep.leads.length} leads, ${rep.opportunities.length} opportunities, ${rep.quotes.length} quotes, ${rep.orders.length} orders`,
);
timeRuns("a rep's dashboard", () => salesMetrics(rep));
const team = tierM(['user-alex', 'user-sam', 'user-kim', 'user-lee']);
timeRuns("a manager's dashboard (team + 4 reps)", () => {
  salesMetrics(team);
  for (const own of byOwner(team).values()) salesMetrics(own);
});
/** As the screen runs it: 8 ms slices; the longest stretch between two pauses is the longest task. */
async function sliced(label: string, records: SalesRecords): Promise<void> {
  let longest = 0;
  let since = performance.now();
  const started = since;
  const pause = async () => {
    longest = Math.max(longest, performance.now() - since);
    await new Promise((resolve) => setTimeout(resolve, 0));
    since = performance.now();
  };
  await runSliced(salesMetricsSteps(records), pause, () => performance.now(), 8);
  longest = Math.max(longest, performance.now() - since);
  console.log(
    `${label}, sliced as on screen: ${(performance.now() - started).toFixed(1)} ms in all, longest slice ${longest.toFixed(1)} ms`,
  );
}
await sliced("a rep's dashboard", rep);
console.log(JSON.stringify(salesMetrics(rep).funnel));
