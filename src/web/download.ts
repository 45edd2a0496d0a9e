/** Files the player can download: reports from the debrief, and the run itself (from anywhere a run is at risk). */
import type { SaveFile } from '../engine/index';

export interface DownloadFile {
  name: string;
  type: string;
  text: () => string;
}

/** The run as `firedrill report` and `firedrill play --script` read it: the same file as the debrief's "run". */
export function runFile(scenarioId: string, seed: string, save: () => SaveFile): DownloadFile {
  return { name: `firedrill-${scenarioId}-seed-${seed}-run.json`, type: 'application/json', text: () => `${JSON.stringify(save(), null, 2)}\n` };
}

export function download(file: DownloadFile): void {
  const url = URL.createObjectURL(new Blob([file.text()], { type: `${file.type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
