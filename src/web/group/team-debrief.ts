/**
 * The team debrief, the same for everyone in the drill: the score the server graded, the report it rendered, and
 * downloads of it in Markdown and HTML, and of the run itself.
 */
import { scoreSummary } from '../debrief-screen';
import { h } from '../dom';
import { download, runFile, type DownloadFile } from '../download';
import type { DrillRecording, TeamDebrief } from './connection';

/** What the debrief says of the records: where the drill was kept, or why it was not. */
export function recordingNote(recording: DrillRecording | undefined): { text: string; team?: { id: string; name: string }; problem: boolean } {
  switch (recording?.state) {
    case undefined:
    case 'pending':
      return { text: 'Keeping the drill in the readiness records…', problem: false };
    case 'recorded':
      return recording.team
        ? { text: `Recorded for team ${recording.team.name}.`, team: recording.team, problem: false }
        : { text: 'Not recorded for a team: no team was chosen when the drill was hosted. Each signed-in player’s part is kept in their own history.', problem: false };
    case 'not-recorded':
      return recording.reason === 'no-records'
        ? { text: 'Not recorded: this server keeps no readiness records. Download the run to keep it.', problem: false }
        : { text: 'Not recorded: the server could not write the drill to the readiness records (it tries again when it restarts). Download the run to keep it meanwhile.', problem: true };
  }
}

function recordingContent(recording: DrillRecording | undefined): Array<Node | string> {
  const note = recordingNote(recording);
  if (!note.team) return [note.text];
  return [note.text, ' ', h('a', { href: `./?team=${encodeURIComponent(note.team.id)}` }, `Open ${note.team.name}’s readiness page`), ' (for the team’s members).'];
}

/** Shows the server's later word on recording in a debrief already on the page (said politely to screen readers). */
export function updateRecording(container: ParentNode, recording: DrillRecording): void {
  const line = container.querySelector<HTMLElement>('[data-testid="debrief-recording"]');
  if (!line) return;
  line.replaceChildren(...recordingContent(recording));
  line.classList.toggle('field-error', recordingNote(recording).problem);
}

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
    h('p', { class: recordingNote(debrief.recording).problem ? 'recording-note field-error' : 'recording-note', role: 'status', 'aria-live': 'polite', 'data-testid': 'debrief-recording' }, ...recordingContent(debrief.recording)),
    scoreSummary(debrief.score),
    h('div', { class: 'row downloads', role: 'group', 'aria-label': 'Downloads' }, markdown!, report!, run, print, h('a', { href: './', class: 'button-link' }, 'Back to the library')),
    frame,
  );
}
