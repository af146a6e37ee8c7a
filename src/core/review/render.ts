/**
 * A review as the neutral Reply model for Slack, Discord and the terminal chat: the score and
 * summary, the most important findings with the draft's words in quote blocks (user text is
 * never mixed into formatted text), the tutor view and the criteria as citations from the
 * knowledge base.
 */
import type { KnowledgeBase } from '../knowledge/index.js';
import { divider, fields, heading, list, quote, reply, text, type Citation, type Reply } from '../reply.js';
import { CHANNEL_NAMES } from './channel.js';
import { CATEGORY_LABELS, ruleLabel } from './labels.js';
import { quoteOf } from './summary.js';
import type { Finding, Review, Severity } from './types.js';

/** At most this many findings in a chat reply; the CLI report shows them all. */
export const MAX_FINDINGS_IN_REPLY = 8;

const SEVERITY_LABEL: Record<Severity, string> = { error: 'must fix', warning: 'should fix', info: 'worth a look' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings most worth a learner's attention first: errors, then warnings, then info, in draft order. */
export function byImportance(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.start - b.start);
}

/** The criteria the review touches, as citations built from knowledge-base records. */
export function reviewCitations(result: Review, knowledge: KnowledgeBase): Citation[] {
  const ids = new Set<string>();
  for (const finding of byImportance(result.findings)) for (const c of finding.criteria) ids.add(c.source);
  for (const row of result.tutorView) ids.add(row.criterion.source);
  return [...ids].map((id) => knowledge.citation(id));
}

/**
 * Renders a review.
 * @example const r = reviewReply(review(draft), deps.knowledge); // private reply with quotes
 */
export function reviewReply(result: Review, knowledge: KnowledgeBase): Reply {
  const shown = byImportance(result.findings).slice(0, MAX_FINDINGS_IN_REPLY);
  const blocks = [heading(`Feedback on your reply: ${result.score}/100`), text(result.summary)];
  if (result.channel) blocks.push(text(`_Reviewed as ${CHANNEL_NAMES[result.channel]}._`));
  for (const finding of shown) {
    const label = `**${CATEGORY_LABELS[finding.category]} · ${ruleLabel(finding.rule)}** (${SEVERITY_LABEL[finding.severity]})`;
    blocks.push(text(label), quote(quoteOf(finding.excerpt)));
    blocks.push(text(finding.suggestion ? `${finding.message}\n_Try:_ ${finding.suggestion}` : finding.message));
  }
  const hidden = result.findings.length - shown.length;
  if (hidden > 0) blocks.push(text(`…and ${hidden} more. A tutor can see every finding with \`coach review\`.`));
  blocks.push(
    divider(),
    heading('Against the criteria'),
    fields(
      result.tutorView.map((row) => ({
        label: `Unit ${row.criterion.unit} · AC ${row.criterion.ac}`,
        value: `${row.status === 'met' ? 'Met' : 'Not yet'}: ${row.reason}`,
      })),
    ),
  );
  if (result.llm) {
    blocks.push(divider(), heading('A suggested rewrite (written by an AI model; check it before use)'), quote(result.llm.rewrite));
    if (result.llm.toneObservations.length > 0) blocks.push(text('More on tone:'), list(result.llm.toneObservations));
  }
  return reply(blocks, { citations: reviewCitations(result, knowledge), ephemeral: true });
}
