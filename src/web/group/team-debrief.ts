/**
 * The team debrief, the same for everyone in the drill: the score the server graded, the report it rendered, and
 * downloads of it in Markdown and HTML, and of the run itself.
 */
import { scoreSummary } from '../debrief-screen';
import { h } from '../dom';
import { download, runFile, type DownloadFile } from '../download';
import type { TeamDebrief } from './connection';

export function renderTeamDebrief(debrief: TeamDebrief, drill: { code: string; scenarioId: string; title: string }): HTMLElement {
  const base = `firedrill-${drill.scenarioId}-drill-${drill.code}`;
  const files: DownloadFile[] = [
    { name: `${base}-debrief.md`, type: 'text/markdown', text: () => debrief.markdown },
    { name: `${base}-debrief.html`, type: 'text/html', text: () => debrief.html },
  ];
  const [markdown, report] = files.map((file) => {
    const button = h('button', { type: 'button', class: 'secondary', 'data-download': file.name }, file.name.endsWith('.md') ? 'Download Markdown' : 'Download HTML');
    button.addEventListener('click', () => download(file));
    return button;
  });
  // The report is a whole HTML document from our own renderer, with everything players wrote escaped. It is shown
  // in a frame with no scripts allowed (sandbox without allow-scripts), as the solo debrief shows its report.
  const frame = h('iframe', { class: 'report-frame', title: 'Team debrief report', sandbox: 'allow-same-origin allow-modals' });
  frame.srcdoc = debrief.html;
  // The run itself: `firedrill report <scenario> --script <this file>` grades it to the same result.
  const run = h('button', { type: 'button', class: 'secondary', 'data-download': 'run' }, 'Download the run');
  run.addEventListener('click', () => download(runFile(drill.scenarioId, debrief.run.seed, () => debrief.run)));
  const print = h('button', { type: 'button', class: 'secondary' }, 'Print');
  print.addEventListener('click', () => frame.contentWindow?.print());
  return h(
    'section',
    { class: 'debrief team-debrief', 'aria-labelledby': 'debrief-title' },
    h('h2', { id: 'debrief-title', tabindex: '-1' }, `Team debrief: ${drill.title}`),
    h('p', { class: 'muted' }, 'The drill is over. Everyone in it sees this debrief; read it together.'),
    scoreSummary(debrief.score),
    h('div', { class: 'row downloads', role: 'group', 'aria-label': 'Downloads' }, markdown!, report!, run, print, h('a', { href: './', class: 'button-link' }, 'Back to the library')),
    frame,
  );
}
