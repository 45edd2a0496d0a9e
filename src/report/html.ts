import { CATEGORIES, CATEGORY_LABELS } from '../engine/policy/rubric';
import { formatMinute } from '../grading/facts';
import { escapeHtml as x } from './escape';
import { POSTMORTEM_TEXT } from './markdown';
import type { DebriefReport } from './model';
import { scoresSvg, timelineSvg } from './svg';

const STYLE = `
:root{--ink:#1c2333;--muted:#5b6478;--line:#d9dee8;--good:#15803d;--fair:#b45309;--poor:#b91c1c;--accent:#c2410c}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--ink);background:#f6f7fb}
main{max-width:960px;margin:0 auto;padding:2rem;background:#fff}h1{margin:0 0 .25rem;font-size:1.7rem}h2{margin-top:2rem;border-bottom:2px solid var(--line);padding-bottom:.25rem}
.note{color:var(--muted);font-style:italic}.summary{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}.summary dt{font-weight:600}.summary dd{margin:0}
.score{display:flex;gap:1.5rem;align-items:center}.overall{font-size:3rem;font-weight:700;color:var(--accent)}.level{font-size:1.2rem;font-weight:600}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f0f2f7}
.findings li{margin:.3rem 0}.pts{display:inline-block;min-width:3.2rem;font-weight:700}.plus{color:var(--good)}.minus{color:var(--poor)}.evidence{color:var(--muted);font-size:.88em}
.mistake{border-left:4px solid var(--poor);padding:.25rem .75rem;background:#fdf2f2;margin:.5rem 0}
.chart{display:block;margin:.5rem 0 1rem;font:11px system-ui,sans-serif}.grid{stroke:#eef0f5}.tick{fill:var(--muted);text-anchor:middle}.lane{fill:var(--ink);font-weight:600}
.impact{fill:#fca5a5;stroke:#dc2626;stroke-width:1}.deadline{fill:#93c5fd}.missed{fill:#ef4444}.update{fill:#7c3aed}.diagnosis{fill:#60a5fa}.resolution{fill:#34d399}
.milestone{fill:var(--accent)}.milestone-label{fill:var(--ink)}.bar-note{fill:var(--muted);font-size:10px}.bar-track{fill:#eef0f5}.bar.good{fill:var(--good)}.bar.fair{fill:var(--fair)}.bar.poor{fill:var(--poor)}.bar-label,.bar-value{fill:var(--ink);font-size:13px}
ol.timeline{padding-left:0;list-style:none}ol.timeline li{display:grid;grid-template-columns:5.5rem 1fr;gap:.5rem;border-bottom:1px dotted var(--line);padding:.15rem 0}
.time{font-variant-numeric:tabular-nums;color:var(--muted)}pre{white-space:pre-wrap;font:inherit}
@media print{body{background:#fff}main{padding:0;max-width:none}h2{break-after:avoid}.chart,table,.mistake{break-inside:avoid}a{color:inherit}}
`;

export function renderHtml(report: DebriefReport): string {
  const s = report.summary;
  const h: string[] = [];
  h.push('<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">');
  h.push(`<title>Debrief: ${x(report.scenario.title)}</title><style>${STYLE}</style></head><body><main>`);
  h.push(`<h1>Debrief: ${x(report.scenario.title)}</h1><p class="note">A blameless review of the drill: it is about the process and the system, never about people.</p>`);

  h.push('<section aria-labelledby="summary"><h2 id="summary">Summary</h2><dl class="summary">');
  const row = (k: string, v: string) => h.push(`<dt>${x(k)}</dt><dd>${x(v)}</dd>`);
  row('Date', s.date ?? 'not recorded (scripted run)');
  row('Duration', `${s.durationMinutes} minutes (${s.startedAt} to ${s.endedAt})`);
  row('Severity', `declared ${s.severityDeclared ?? 'none'}; the impact was ${s.severityTrue}`);
  row('Owner', s.owner);
  row('Outcome', s.outcome);
  row('Scenario', `${report.scenario.id}, seed ${report.scenario.seed}, played on ${report.scenario.difficulty} difficulty`);
  h.push('</dl></section>');

  h.push('<section aria-labelledby="score"><h2 id="score">Score</h2>');
  h.push(`<div class="score"><div class="overall" aria-label="Overall score">${report.score.overall}</div><div><div class="level">${x(report.score.readiness.level)}</div><div>${x(report.score.readiness.meaning)}</div>${report.score.readiness.cappedBecause ? `<div class="note">Readiness ${x(report.score.readiness.cappedBecause)}.</div>` : ''}</div></div>`);
  h.push(scoresSvg(report));
  h.push('</section>');

  if (report.mistakes.length > 0) {
    h.push('<section aria-labelledby="mistakes"><h2 id="mistakes">Common mistakes seen</h2>');
    for (const m of report.mistakes) {
      h.push(`<div class="mistake"><strong>${x(m.label)}.</strong> ${m.messages.map(x).join(' ')}<div class="evidence">Evidence: ${m.evidence.map((e) => `#${e.seq} at ${formatMinute(e.at)}: ${x(e.text)}`).join('; ')}</div></div>`);
    }
    h.push('</section>');
  }

  h.push(`<section aria-labelledby="impact"><h2 id="impact">Impact</h2><p>${x(report.impact.description)}</p><p>Impact lasted about ${report.impact.affectedMinutes} minutes${report.impact.beforePage > 0 ? `, ${report.impact.beforePage} of them before the page` : ''}.</p>`);
  if (report.impact.metrics.length > 0) {
    h.push('<table><thead><tr><th scope="col">Metric</th><th scope="col">Normal</th><th scope="col">Worst</th></tr></thead><tbody>');
    for (const m of report.impact.metrics) h.push(`<tr><td>${x(m.label)}</td><td>${m.normal} ${x(m.unit)}</td><td>${m.worst} ${x(m.unit)}</td></tr>`);
    h.push('</tbody></table>');
  }
  h.push('</section>');

  h.push('<section aria-labelledby="timeline"><h2 id="timeline">Timeline</h2>');
  h.push(timelineSvg(report));
  h.push('<ol class="timeline">');
  for (const t of report.timeline) h.push(`<li><span class="time">${t.time}</span><span>${x(t.text)}</span></li>`);
  h.push('</ol></section>');

  h.push(`<section aria-labelledby="root-cause"><h2 id="root-cause">Root cause</h2><p>${x(report.rootCause.cause)}</p>`);
  if (report.rootCause.contributingFactors.length > 0) h.push(`<p>Contributing factors:</p><ul>${report.rootCause.contributingFactors.map((f) => `<li>${x(f)}</li>`).join('')}</ul>`);
  if (report.rootCause.playerAnalysis) h.push(`<p><strong>Your analysis:</strong></p><pre>${x(report.rootCause.playerAnalysis)}</pre>`);
  h.push('</section>');

  if (report.postmortem) {
    h.push('<section aria-labelledby="your-postmortem"><h2 id="your-postmortem">Your postmortem</h2>');
    for (const [key, title] of POSTMORTEM_TEXT) {
      const text = report.postmortem[key].trim();
      h.push(`<h3>${title}</h3>${text ? `<pre>${x(text)}</pre>` : '<p class="note">not written</p>'}`);
    }
    h.push('</section>');
  }
  if (report.updates.length > 0) {
    h.push(`<section aria-labelledby="updates"><h2 id="updates">Status updates sent</h2><ol class="timeline">${report.updates.map((u) => `<li><span class="time">${u.time}</span><pre>${x(u.text)}</pre></li>`).join('')}</ol></section>`);
  }

  const list = (id: string, title: string, items: string[], empty: string) =>
    h.push(`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2><ul>${(items.length > 0 ? items : [empty]).map((i) => `<li>${x(i)}</li>`).join('')}</ul></section>`);
  list('went-well', 'What went well', report.wentWell, 'Nothing yet earned credit: the findings below show where to start.');
  list('improve', 'What needs improvement', report.needsImprovement, 'Nothing: the process held up at every step.');

  if (report.seats.length > 1) {
    h.push('<section aria-labelledby="seats"><h2 id="seats">What each seat did</h2>');
    for (const [i, seat] of report.seats.entries()) {
      h.push(`<h3 id="seat-${i}">${x(seat.name)}${seat.person ? ` <span class="muted">(played by ${x(seat.person)})</span>` : ''}</h3><ol class="timeline" aria-labelledby="seat-${i}">`);
      for (const d of seat.did) h.push(`<li><span class="time">${d.time}</span><span>${x(d.text)}</span></li>`);
      h.push('</ol>');
      const lines = [...seat.credits.map((c) => `<li>Credit (+${c.points}, ${x(CATEGORY_LABELS[c.category])}): ${x(c.message)}</li>`), ...seat.deductions.map((c) => `<li>To improve (${c.points}, ${x(CATEGORY_LABELS[c.category])}): ${x(c.message)}</li>`)];
      if (lines.length > 0) h.push(`<ul>${lines.join('')}</ul>`);
    }
    h.push('</section>');
  }

  if (report.observations.length > 0) {
    h.push(`<section aria-labelledby="observations"><h2 id="observations">Facilitator's observations</h2><ol class="timeline">${report.observations.map((o) => `<li><span class="time">${o.time}</span><span><strong>${x(o.about)}</strong><pre>${x(o.text)}</pre></span></li>`).join('')}</ol></section>`);
  }

  h.push('<section aria-labelledby="actions"><h2 id="actions">Action items</h2><table><thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Priority</th><th scope="col">Status</th></tr></thead><tbody>');
  for (const a of report.actionItems) h.push(`<tr><td>${x(a.action)}</td><td>${x(a.owner) || '—'}</td><td>${x(a.priority) || '—'}</td><td>${x(a.status) || '—'}</td></tr>`);
  if (report.actionItems.length === 0) h.push('<tr><td colspan="4">No action items.</td></tr>');
  h.push('</tbody></table>');
  if (report.actionItems.some((a) => a.source === 'suggested')) h.push('<p class="note">No action items were written; these are suggested from the findings.</p>');
  h.push('</section>');

  h.push(`<section aria-labelledby="evidence"><h2 id="evidence">Score evidence</h2><p>Graded with the “${x(report.score.rubric)}” rubric. Each line gives or takes points and cites the journal entries behind it.</p>`);
  for (const c of CATEGORIES) {
    h.push(`<h3>${CATEGORY_LABELS[c]}: ${report.score.categories[c]}</h3><ul class="findings">`);
    const findings = report.score.findings.filter((f) => f.category === c);
    if (findings.length === 0) h.push('<li>No check applied to this run.</li>');
    for (const f of findings) {
      h.push(`<li><span class="pts ${f.points > 0 ? 'plus' : 'minus'}">${f.points > 0 ? '+' : ''}${f.points}</span> ${x(f.message)} <span class="evidence">Evidence: ${f.evidence.map((e) => `#${e.seq} ${formatMinute(e.at)} ${x(e.text)}`).join('; ')}</span></li>`);
    }
    h.push('</ul>');
  }
  h.push('</section>');

  h.push('<section aria-labelledby="next"><h2 id="next">Practise next</h2><ul>');
  for (const p of report.practiseNext) h.push(`<li><strong>${x(p.title)}</strong> (${x(p.id)}): ${x(p.reason)}</li>`);
  if (report.practiseNext.length === 0) h.push('<li>Any scenario: keep the habit.</li>');
  h.push('</ul></section></main></body></html>\n');
  return h.join('');
}
