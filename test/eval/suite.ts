/**
 * The shape every evaluation suite (ask, review, quiz) and benchmark shares, so `npm run eval`
 * and `npm run bench` print one consistent report and tests can hold floors on the same numbers.
 */

/** What a suite measured: named figures plus the readable lines to print. */
export interface SuiteReport {
  /** Figures by name, e.g. { 'recall@3.direct': 0.97 }. Tests assert floors on these. */
  metrics: Record<string, number>;
  /** The human report (tables, failures worth reading). */
  lines: string[];
}

/** One evaluation or benchmark suite. */
export interface Suite {
  name: string;
  run(): Promise<SuiteReport>;
}

/**
 * A suite whose module is imported only when it runs (`npm run bench -- ask` loads no other suite).
 * @example lazySuite('ask', async () => (await import('./ask.js')).askBench)
 */
export function lazySuite(name: string, load: () => Promise<Suite>): Suite {
  return { name, run: async () => (await load()).run() };
}

/** Runs the selected suites (all when `only` is empty) and prints their reports. */
export async function runSuites(kind: 'eval' | 'bench', suites: Suite[], only: string[]): Promise<void> {
  const selected = only.length > 0 ? suites.filter((suite) => only.includes(suite.name)) : suites;
  if (selected.length === 0) {
    process.stderr.write(`No ${kind} suite matches ${only.join(', ') || '(none registered yet)'}. Known: ${suites.map((s) => s.name).join(', ')}\n`);
    process.exitCode = 1;
    return;
  }
  for (const suite of selected) {
    const started = performance.now();
    const report = await suite.run();
    process.stdout.write(`\n== ${kind}: ${suite.name} (${Math.round(performance.now() - started)} ms)\n`);
    process.stdout.write(`${report.lines.join('\n')}\n`);
  }
}

/** Formats a 0–1 ratio as a fixed three-decimal figure. */
export const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : 'n/a');

/** Percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
