import { CATEGORIES, CATEGORY_LABELS } from '../engine/policy/rubric';
import { formatMinute } from '../grading/facts';
import { escapeCell, escapeMarkdown as md } from './escape';
import type { DebriefReport } from './model';

/** The postmortem's written sections, shown back to the player in the report. */
export const POSTMORTEM_TEXT = [
  ['summary', 'Summary'],
  ['impact', 'Impact'],
  ['timeline', 'Timeline'],
  ['wentWell', 'What went well'],
  ['needsImprovement', 'What needs improvement'],
] as const;

const points = (n: number) => (n > 0 ? `+${n}` : `${n}`);

export function renderMarkdown(report: DebriefReport): string {
  const s = report.summary;
  const out: string[] = [];
  out.push(`# Debrief: ${md(report.scenario.title)}`, '');
  out.push('_A blameless review of the drill: it is about the process and the system, never about people._', '');

  out.push('## Summary', '');
  out.push(`- **Date:** ${s.date ? md(s.date) : 'not recorded (scripted run)'}`);
  out.push(`- **Duration:** ${s.durationMinutes} minutes (${s.startedAt} to ${s.endedAt})`);
  out.push(`- **Severity:** declared ${s.severityDeclared ?? 'none'}; the impact was ${s.severityTrue}`);
  out.push(`- **Owner:** ${md(s.owner)}`);
  out.push(`- **Outcome:** ${md(s.outcome)}`);
  out.push(`- **Scenario:** ${md(report.scenario.id)}, seed ${md(report.scenario.seed)}, played on ${report.scenario.difficulty} difficulty`, '');

  out.push('## Score', '');
  out.push(`**${report.score.overall}/100: ${md(report.score.readiness.level)}.** ${md(report.score.readiness.meaning)}`, '');
  if (report.score.readiness.cappedBecause) out.push(`_Readiness ${md(report.score.readiness.cappedBecause)}._`, '');
  out.push('| Category | Score |', '|---|---:|');
  for (const c of CATEGORIES) out.push(`| ${CATEGORY_LABELS[c]} | ${report.score.categories[c]} |`);
  out.push('');

  if (report.mistakes.length > 0) {
    out.push('## Common mistakes seen', '');
    for (const m of report.mistakes) {
      out.push(`- **${md(m.label)}.** ${m.messages.map(md).join(' ')} Evidence: ${m.evidence.map((e) => `#${e.seq} at ${formatMinute(e.at)} (${md(e.text)})`).join('; ')}.`);
    }
    out.push('');
  }

  out.push('## Impact', '');
  out.push(md(report.impact.description), '');
  out.push(`Impact lasted about ${report.impact.affectedMinutes} minutes${report.impact.beforePage > 0 ? `, ${report.impact.beforePage} of them before the page` : ''}.`, '');
  if (report.impact.metrics.length > 0) {
    out.push('| Metric | Normal | Worst |', '|---|---:|---:|');
    for (const m of report.impact.metrics) out.push(`| ${escapeCell(m.label)} | ${m.normal}${m.unit === '%' ? '%' : ''} | ${m.worst}${m.unit === '%' ? '%' : ''} |`);
    out.push('');
  }

  out.push('## Timeline', '');
  for (const t of report.timeline) out.push(`- ${t.time} ${md(t.text)}`);
  out.push('');

  out.push('## Root cause', '');
  out.push(md(report.rootCause.cause), '');
  if (report.rootCause.contributingFactors.length > 0) {
    out.push('Contributing factors:', '');
    for (const f of report.rootCause.contributingFactors) out.push(`- ${md(f)}`);
    out.push('');
  }
  if (report.rootCause.playerAnalysis) out.push(`Your analysis: ${md(report.rootCause.playerAnalysis)}`, '');

  if (report.postmortem) {
    out.push('## Your postmortem', '');
    for (const [key, title] of POSTMORTEM_TEXT) {
      const text = report.postmortem[key].trim();
      out.push(`**${title}.** ${text ? md(text).replace(/\r?\n/g, ' ') : '_not written_'}`, '');
    }
  }
  if (report.updates.length > 0) {
    out.push('## Status updates sent', '');
    for (const u of report.updates) out.push(`- ${u.time}: ${md(u.text).replace(/\r?\n+/g, ' / ')}`);
    out.push('');
  }

  out.push('## What went well', '');
  if (report.wentWell.length === 0) out.push('- Nothing yet earned credit: the findings below show where to start.');
  for (const w of report.wentWell) out.push(`- ${md(w)}`);
  out.push('');

  out.push('## What needs improvement', '');
  if (report.needsImprovement.length === 0) out.push('- Nothing: the process held up at every step.');
  for (const n of report.needsImprovement) out.push(`- ${md(n)}`);
  out.push('');

  // One seat played alone is the whole report already; a team's debrief says what each seat did.
  if (report.seats.length > 1) {
    out.push('## What each seat did', '');
    for (const seat of report.seats) {
      out.push(`### ${md(seat.name)}${seat.person ? ` (played by ${md(seat.person)})` : ''}`, '');
      for (const d of seat.did) out.push(`- ${d.time} ${md(d.text).replace(/\r?\n+/g, ' / ')}`);
      for (const c of seat.credits) out.push(`- Credit (+${c.points}, ${CATEGORY_LABELS[c.category]}): ${md(c.message)}`);
      for (const c of seat.deductions) out.push(`- To improve (${c.points}, ${CATEGORY_LABELS[c.category]}): ${md(c.message)}`);
      out.push('');
    }
  }

  if (report.observations.length > 0) {
    out.push("## Facilitator's observations", '');
    for (const o of report.observations) out.push(`- ${o.time}, about ${md(o.about)}: ${md(o.text).replace(/\r?\n+/g, ' / ')}`);
    out.push('');
  }

  out.push('## Action items', '');
  out.push('| Action | Owner | Priority | Status |', '|---|---|---|---|');
  for (const a of report.actionItems) out.push(`| ${escapeCell(a.action)} | ${escapeCell(a.owner)} | ${escapeCell(a.priority)} | ${escapeCell(a.status)} |`);
  if (report.actionItems.length === 0) out.push('| — | — | — | — |');
  if (report.actionItems.some((a) => a.source === 'suggested')) out.push('', '_No action items were written; these are suggested from the findings._');
  out.push('');

  out.push('## Score evidence', '');
  out.push(`Graded with the "${md(report.score.rubric)}" rubric. Each line gives or takes points and cites the journal entries (number, game time) behind it.`, '');
  for (const c of CATEGORIES) {
    out.push(`### ${CATEGORY_LABELS[c]}: ${report.score.categories[c]}`, '');
    const findings = report.score.findings.filter((f) => f.category === c);
    if (findings.length === 0) out.push('- No check applied to this run.');
    for (const f of findings) {
      out.push(`- **${points(f.points)}** ${md(f.message)} _Evidence:_ ${f.evidence.map((e) => `#${e.seq} ${formatMinute(e.at)} ${md(e.text)}`).join('; ')}`);
    }
    out.push('');
  }

  out.push('## Practise next', '');
  for (const p of report.practiseNext) out.push(`- **${md(p.title)}** (\`${p.id}\`): ${md(p.reason)}`);
  if (report.practiseNext.length === 0) out.push('- Any scenario: keep the habit.');
  out.push('');
  return out.join('\n');
}
