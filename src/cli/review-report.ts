/**
 * The readable review report for a terminal: the score and summary, every finding with the
 * draft's words highlighted in context (bold on a colour terminal, «…» otherwise), the message,
 * the fix and the criteria, then the tutor view with the evidence quoted.
 */
import { createColors } from 'picocolors';
import type { KnowledgeBase } from '../core/knowledge/index.js';
import { CHANNEL_NAMES } from '../core/review/channel.js';
import { CATEGORY_LABELS, ruleLabel } from '../core/review/labels.js';
import { byImportance } from '../core/review/render.js';
import type { Finding, Review, Severity } from '../core/review/types.js';

type Colours = ReturnType<typeof createColors>;

const CONTEXT = 40;
const MAX_EXCERPT = 120;

/** The excerpt in its line, with up to 40 characters either side, the excerpt itself marked. */
export function excerptInContext(draft: string, finding: Finding, colours: Colours): string {
  const lineStart = draft.lastIndexOf('\n', finding.start - 1) + 1;
  const nextBreak = draft.indexOf('\n', finding.end);
  const lineEnd = nextBreak === -1 ? draft.length : nextBreak;
  const from = Math.max(lineStart, finding.start - CONTEXT);
  const to = Math.min(lineEnd, finding.end + CONTEXT);
  let excerpt = finding.excerpt.replace(/\s+/g, ' ');
  if (excerpt.length > MAX_EXCERPT) excerpt = `${excerpt.slice(0, MAX_EXCERPT - 1)}…`;
  const before = draft.slice(from, finding.start).replace(/\s+/g, ' ');
  const after = draft.slice(finding.end, Math.max(finding.end, to)).replace(/\s+/g, ' ');
  const marked = colours.isColorSupported ? colours.bold(colours.inverse(excerpt)) : `«${excerpt}»`;
  return `${from > lineStart ? '…' : ''}${before}${marked}${after}${to < lineEnd ? '…' : ''}`;
}

function severityTag(severity: Severity, colours: Colours): string {
  if (severity === 'error') return colours.red('[must fix]');
  if (severity === 'warning') return colours.yellow('[should fix]');
  return colours.cyan('[worth a look]');
}

function lineOf(draft: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (draft.charCodeAt(i) === 10) line += 1;
  return line;
}

/**
 * The whole report for one draft.
 * @param title what was reviewed, e.g. the file name
 */
export function formatReport(title: string, draft: string, result: Review, knowledge: KnowledgeBase, colours: Colours): string {
  const out: string[] = [];
  out.push(colours.bold(`Review of ${title}: ${result.score}/100`));
  out.push(result.channel ? colours.dim(`Reviewed as ${CHANNEL_NAMES[result.channel]}.`) : colours.dim('No channel given: greeting, closing and paragraphs judged from the layout (--channel to say).'));
  out.push('', result.summary, '');
  const findings = byImportance(result.findings);
  out.push(colours.bold(findings.length === 0 ? 'No findings.' : `Findings (${findings.length}), most important first`));
  findings.forEach((finding, i) => {
    const criteria = finding.criteria.map((c) => `Unit ${c.unit} AC ${c.ac}`).join(', ');
    out.push(
      '',
      `${String(i + 1).padStart(3)}. ${severityTag(finding.severity, colours)} ${CATEGORY_LABELS[finding.category]} · ${ruleLabel(finding.rule)}  ${colours.dim(`(line ${lineOf(draft, finding.start)}, rule ${finding.category}.${finding.rule})`)}`,
      `     ${excerptInContext(draft, finding, colours)}`,
      `     ${finding.message}`,
    );
    if (finding.suggestion) out.push(`     ${colours.green('Try:')} ${finding.suggestion}`);
    if (finding.principle) out.push(`     ${colours.dim(`Principle: ${finding.principle}`)}`);
    out.push(`     ${colours.dim(`Criteria: ${criteria}`)}`);
  });
  out.push('', colours.bold('Against the criteria (tutor view)'));
  for (const row of result.tutorView) {
    const title = knowledge.citation(row.criterion.source).title;
    const status = row.status === 'met' ? colours.green('MET') : colours.yellow('NOT YET');
    out.push('', `  Unit ${row.criterion.unit} · AC ${row.criterion.ac} — ${title}`, `    ${status}: ${row.reason}`);
    for (const quote of row.evidence) out.push(`      “${quote}”`);
  }
  if (result.llm) {
    out.push('', colours.bold('Suggested rewrite (written by an AI model; check it before use)'), '', result.llm.rewrite);
    if (result.llm.toneObservations.length > 0) out.push('', colours.bold('More on tone'), ...result.llm.toneObservations.map((o) => `  • ${o}`));
  }
  return out.join('\n');
}

/** Colours for a stream: on only for a colour-capable terminal (NO_COLOR is honoured by picocolors). */
export function coloursFor(stream: { isTTY?: boolean }): Colours {
  return createColors(Boolean(stream.isTTY) && createColors().isColorSupported);
}
