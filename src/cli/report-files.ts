import { summaryOf } from '../publish/publish.js'
import { fitSummary } from '../publish/summary.js'
import type { RunReport } from '../report/run-report.js'
import { renderJunit } from './junit.js'
import { commandReport } from './report-view.js'

/** A report the command writes to a file: its flag, its help, and how it is rendered. */
export interface ReportFile {
  /** Without the dashes; the flag takes the file's path. */
  readonly flag: string
  readonly description: string
  readonly render: (report: RunReport) => string
}

/**
 * Every report the command can write to a file. A new format is one renderer of the run's
 * report and one entry here: the flag, its help line and its writing follow from it.
 */
export const REPORT_FILES: readonly ReportFile[] = [
  {
    flag: 'summary-file',
    description: "Write the job summary's Markdown to FILE.",
    render: (report) => fitSummary(summaryOf(report))
  },
  {
    flag: 'junit-file',
    description:
      'Write a JUnit XML report to FILE: a test suite per region, a test case per pack and, with --compliance, per rule.',
    render: (report) => renderJunit(commandReport(report))
  }
]
