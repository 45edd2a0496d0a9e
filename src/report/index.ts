import type { JournalEntry } from '../engine/events';
import type { Scenario } from '../engine/scenario/schema';
import { grade } from '../grading/grade';
import type { Rubric } from '../engine/policy/rubric';
import { safeJson } from './escape';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { buildReport, type ReportOptions } from './model';

export { buildReport, REPORT_FORMAT_VERSION, type DebriefReport, type ReportOptions } from './model';
export { renderMarkdown } from './markdown';
export { renderHtml } from './html';
export { escapeHtml, escapeMarkdown, safeJson } from './escape';

export const REPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Grades a journal and renders the debrief in one format. */
export function debrief(scenario: Scenario, journal: readonly JournalEntry[], rubric: Rubric, format: ReportFormat, options: ReportOptions): string {
  const report = buildReport(scenario, journal, grade(scenario, journal, rubric), options);
  switch (format) {
    case 'md':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
    case 'json':
      return safeJson(report);
  }
}
