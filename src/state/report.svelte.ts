import { analysisBridge } from '../data/analysis-bridge.ts';
import type { NotebookReportInput, NotebookReportOutput } from '../core/worker-api/analysis-api.ts';
import { TaskRun } from './task-run.svelte.ts';

/** A notebook's report, made in the analysis worker from its stored results. */
export class ReportRun extends TaskRun<NotebookReportOutput> {
  async make(input: NotebookReportInput): Promise<NotebookReportOutput | null> {
    return this.run((signal) => analysisBridge.call('notebookReport', input, { signal }));
  }
}
