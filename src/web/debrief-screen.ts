import { CATEGORIES, CATEGORY_LABELS, grade } from '../grading/index';
import { buildReport, renderHtml, renderMarkdown, safeJson } from '../report/index';
import type { CatalogIndex } from './catalog';
import { h } from './dom';
import { download as downloadFile, runFile, type DownloadFile } from './download';
import type { Session } from './session';

/**
 * The debrief: the score and its evidence, the blameless report with its charts, downloads of the report in every
 * format and of the run itself (the file `firedrill report` accepts), and print. `keep`, when given, is told the score
 * and gets a polite status line to say where the run was kept (this browser's past runs, the player's records).
 */
export function renderDebrief(session: Session, catalog: CatalogIndex, onDone: () => void, keep?: (score: ReturnType<typeof grade>, say: (text: string) => void) => void): HTMLElement {
  const { scenario } = session;
  const journal = session.run.journal();
  // Graded by the rubric the run was played under: the deadlines the player saw came from the same policy.
  const score = grade(scenario, journal, session.run.rubric);
  const report = buildReport(scenario, journal, score, {
    seed: session.run.seed,
    difficulty: session.run.difficulty,
    date: session.startedOn || null,
    catalog: catalog.scenarios.map((s) => ({ id: s.scenario.id, title: s.scenario.title, topics: s.scenario.topics })),
  });
  const html = renderHtml(report);
  const base = `firedrill-${scenario.id}-seed-${session.run.seed}`;
  const files: Record<'markdown' | 'html' | 'json' | 'run', DownloadFile> = {
    markdown: { name: `${base}-debrief.md`, type: 'text/markdown', text: () => renderMarkdown(report) },
    html: { name: `${base}-debrief.html`, type: 'text/html', text: () => html },
    json: { name: `${base}-debrief.json`, type: 'application/json', text: () => safeJson(report) },
    run: runFile(scenario.id, session.run.seed, () => session.run.save()),
  };
  const download = (file: DownloadFile, label: string) => {
    const button = h('button', { type: 'button', class: 'secondary', 'data-download': file.name }, label);
    button.addEventListener('click', () => downloadFile(file));
    return button;
  };
  // No scripts can run in the frame; the report has none and player text in it is escaped.
  const frame = h('iframe', { class: 'report-frame', title: 'Debrief report', sandbox: 'allow-same-origin allow-modals' });
  frame.srcdoc = html;
  const print = h('button', { type: 'button', class: 'secondary' }, 'Print');
  print.addEventListener('click', () => frame.contentWindow?.print());
  const again = h('button', { type: 'button', class: 'primary' }, 'Back to the library');
  again.addEventListener('click', onDone);

  const kept = h('p', { class: 'records-status', role: 'status', 'data-testid': 'records-status' });
  if (keep) {
    kept.textContent = 'Keeping the run…';
    keep(score, (text) => (kept.textContent = text));
  }

  return h(
    'section',
    { class: 'debrief', 'aria-labelledby': 'debrief-title' },
    h('h2', { id: 'debrief-title', tabindex: '-1' }, `Debrief: ${scenario.title}`),
    scoreSummary(score),
    kept,
    h('div', { class: 'row downloads', role: 'group', 'aria-label': 'Downloads' }, download(files.markdown, 'Download Markdown'), download(files.html, 'Download HTML'), download(files.json, 'Download JSON'), download(files.run, 'Download the run'), print, again),
    frame,
  );
}

/** The overall score, the readiness level and the score of each category: the top of every debrief, solo or team. */
export function scoreSummary(score: ReturnType<typeof grade>): HTMLElement {
  return h(
    'div',
    { class: 'debrief-score' },
    h('p', { class: 'overall' }, h('span', { class: 'score-value', 'data-testid': 'overall-score' }, String(score.overall)), h('span', { class: 'score-of' }, '/100')),
    h('div', {}, h('p', { class: 'level' }, score.readiness.level), h('p', {}, score.readiness.meaning), score.readiness.cappedBecause ? h('p', { class: 'muted' }, `Readiness ${score.readiness.cappedBecause}.`) : ''),
    h('ul', { class: 'category-scores', 'aria-label': 'Scores by category' }, ...CATEGORIES.map((c) => h('li', {}, h('span', {}, CATEGORY_LABELS[c]), h('strong', {}, String(score.categories[c]))))),
  );
}
