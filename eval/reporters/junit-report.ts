// JUnit XML for CI: one <testsuite> per provider x prompt version, one <testcase> per case run;
// a failed case carries <failure> with every failed assertion's reason, a run that ended in an
// error (the model failed, or a replay had no recording) carries <error>.
import type { CaseResult } from '../case-result';
import type { EvalRun } from '../runner/run-eval';
import { escapeXml } from './xml-text';

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(result: CaseResult, repeats: number): string {
  const name = repeats > 1 ? `${result.caseId} (repeat ${result.repeat + 1})` : result.caseId;
  const attributes = `classname="${escapeXml(`${result.provider}.${result.prompt}`)}" name="${escapeXml(name)}" time="${seconds(result.output.latencyMs)}"`;
  const failed = result.assertions.filter((outcome) => !outcome.pass);
  const details = failed.map((outcome) => `${outcome.type}: ${outcome.reason}`).join('\n');
  const parts: string[] = [];
  if (!result.pass) {
    const isError = result.output.outcome === 'error' || result.output.outcome === 'failed';
    const element = isError ? 'error' : 'failure';
    const message = isError
      ? (result.output.errorMessage ?? failed[0]?.reason ?? 'the run failed')
      : failed[0]
        ? `${failed[0].type}: ${failed[0].reason}`
        : `score ${result.score.toFixed(3)} below the threshold`;
    parts.push(
      `      <${element} message="${escapeXml(message)}" type="${isError ? 'run-error' : 'assertion'}">${escapeXml(details || message)}</${element}>`,
    );
  }
  parts.push(`      <system-out>${escapeXml(result.output.output)}</system-out>`);
  return `    <testcase ${attributes}>\n${parts.join('\n')}\n    </testcase>`;
}

function isErrorResult(result: CaseResult): boolean {
  return !result.pass && (result.output.outcome === 'error' || result.output.outcome === 'failed');
}

export function formatJunit(run: EvalRun): string {
  const groups = new Map<string, CaseResult[]>();
  for (const result of run.results) {
    const key = `${result.provider} ${result.prompt}`;
    groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  const suites = [...groups.entries()].map(([name, results]) => {
    const errors = results.filter(isErrorResult).length;
    const failures = results.filter((result) => !result.pass).length - errors;
    const time = results.reduce((sum, result) => sum + result.output.latencyMs, 0);
    return [
      `  <testsuite name="${escapeXml(name)}" tests="${results.length}" failures="${failures}" errors="${errors}" skipped="0" time="${seconds(time)}" timestamp="${escapeXml(run.startedAt.replace(/\.\d+Z$/, ''))}">`,
      `    <properties>`,
      `      <property name="provider" value="${escapeXml(results[0]!.provider)}"/>`,
      `      <property name="prompt" value="${escapeXml(results[0]!.prompt)}"/>`,
      `      <property name="mode" value="${escapeXml(run.mode)}"/>`,
      `    </properties>`,
      ...results.map((result) => testcase(result, run.repeat)),
      `  </testsuite>`,
    ].join('\n');
  });
  const errors = run.results.filter(isErrorResult).length;
  const failures = run.results.filter((result) => !result.pass).length - errors;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(`ayni eval ${run.id}`)}" tests="${run.results.length}" failures="${failures}" errors="${errors}" time="${seconds(run.wallMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
