/** Checks a workflow file as GitHub does when it loads it: the schema, expressions and job graph. */
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow
} from '@actions/workflow-parser'
import { ErrorPolicy } from '@actions/workflow-parser/model/convert'

/** The problems GitHub would report for this workflow, each naming the file, line and column. */
export async function workflowProblems(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter())
  // A file that is not YAML, or not a mapping, has nothing further to check.
  if (parsed.value) {
    // TryConversion also reports what only the conversion sees (jobs that need unknown jobs, cycles).
    await convertWorkflowTemplate(parsed.context, parsed.value, undefined, {
      errorPolicy: ErrorPolicy.TryConversion
    })
  }
  return [...new Set(parsed.context.errors.getErrors().map((error) => error.message))]
}
