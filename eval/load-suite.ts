// Loading evaluation suites (issue 10): YAML parsed with `yaml`, validated with suiteSchema,
// defaultTest applied, image paths resolved against the suite file, a stable id per case.
// Every error names the file, the YAML line and column, the test and the field, and the fix.
import { access, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { assertionProblem } from './assertions/check-assertion';
import {
  displayPath,
  fieldName,
  positionOf,
  schemaError,
  SuiteLoadError,
  where,
} from './load-suite-errors';
import { renderValue, TemplateError } from './load-suite-template';
import { suiteSchema, type Assertion, type Suite, type TestCase } from './suite-schema';

export { SuiteLoadError } from './load-suite-errors';

export type CaseUser = NonNullable<NonNullable<TestCase['metadata']>['user']>;

export interface LoadedProvider {
  /** promptfoo's id, 'ollama:chat:qwen3:8b' */
  id: string;
  /** the Ollama model name, 'qwen3:8b' */
  model: string;
  label?: string;
  config?: Record<string, unknown>;
}

export interface LoadedCase {
  /** `metadata.id`, or a slug of the description; unique over everything loaded together */
  caseId: string;
  description: string;
  /** the suite file it came from (absolute) */
  suitePath: string;
  /** 0-based position in the suite's `tests` */
  index: number;
  /** defaultTest.vars merged under the test's own vars */
  vars: Record<string, unknown> & {
    message: string;
    history?: { role: 'user' | 'assistant'; content: string }[];
  };
  /** `vars.image` resolved against the suite file's folder (the file exists) */
  imagePath?: string;
  /** defaultTest's assertions first, then the test's; `{{var}}` rendered in `value` */
  assert: Assertion[];
  user?: CaseUser;
  tags: string[];
  threshold?: number;
  metadata: Record<string, unknown>;
}

export interface LoadedSuite {
  /** absolute path of the YAML file */
  path: string;
  description: string;
  /** 'agent-system@2' */
  prompts: string[];
  providers: LoadedProvider[];
  cases: LoadedCase[];
  /** the validated file as written */
  suite: Suite;
}

/** A case id from a description: lower case ASCII words joined by '-'. */
export function slugOf(description: string): string {
  return description
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

function providerOf(entry: Suite['providers'][number]): LoadedProvider {
  const id = typeof entry === 'string' ? entry : entry.id;
  const model = id.slice('ollama:chat:'.length);
  if (typeof entry === 'string') return { id, model };
  return {
    id,
    model,
    ...(entry.label !== undefined ? { label: entry.label } : {}),
    ...(entry.config !== undefined ? { config: entry.config } : {}),
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** Reads, validates and expands one suite file. Rejects with a SuiteLoadError. */
export async function loadSuite(suitePath: string): Promise<LoadedSuite> {
  const file = path.resolve(suitePath);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : error;
    throw new SuiteLoadError(
      `${displayPath(file)}: cannot read the suite: ${String(reason)}`,
      file,
    );
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const yamlError = document.errors[0];
  if (yamlError) {
    const position = lineCounter.linePos(yamlError.pos[0]);
    throw new SuiteLoadError(
      `${where(file, position.line, position.col)}: not valid YAML: ${yamlError.message.split('\n')[0]}`,
      file,
      position.line,
      position.col,
    );
  }
  const raw: unknown = document.toJS();
  const parsed = suiteSchema.safeParse(raw);
  if (!parsed.success) throw schemaError(file, raw, document, lineCounter, parsed.error.issues);
  const suite = parsed.data;

  const cases: LoadedCase[] = [];
  const seen = new Map<string, number>();
  for (const [index, test] of suite.tests.entries()) {
    const fail = (keys: PropertyKey[], message: string): SuiteLoadError => {
      const position = positionOf(document, lineCounter, ['tests', index, ...keys]);
      return new SuiteLoadError(
        `${where(file, position?.line, position?.col)}: test ${index} "${test.description}": ${fieldName(['tests', index, ...keys])}: ${message}`,
        file,
        position?.line,
        position?.col,
      );
    };
    const caseId = test.metadata?.id ?? slugOf(test.description);
    if (caseId === '')
      throw fail(['description'], 'gives an empty id; add metadata.id with letters or digits');
    const earlier = seen.get(caseId);
    if (earlier !== undefined)
      throw fail(
        test.metadata?.id !== undefined ? ['metadata', 'id'] : ['description'],
        `case id "${caseId}" is also the id of test ${earlier} "${suite.tests[earlier]?.description}"; give one of them a distinct metadata.id`,
      );
    seen.set(caseId, index);

    const vars = { ...(suite.defaultTest?.vars ?? {}), ...test.vars } as LoadedCase['vars'];
    let imagePath: string | undefined;
    if (test.vars.image !== undefined) {
      imagePath = path.resolve(path.dirname(file), test.vars.image);
      if (!(await exists(imagePath)))
        throw fail(
          ['vars', 'image'],
          `no image at ${imagePath} (resolved against the suite's folder); fix the path or add the file`,
        );
    }
    const assertions = [...(suite.defaultTest?.assert ?? []), ...test.assert];
    const ownStart = suite.defaultTest?.assert?.length ?? 0;
    // An assertion from defaultTest is reported where defaultTest wrote it.
    const assertionError = (position: number, field: string, message: string) => {
      if (position >= ownStart)
        return fail(['assert', position - ownStart, ...field.split('.')], message);
      const keys = ['defaultTest', 'assert', position, ...field.split('.')];
      const at = positionOf(document, lineCounter, keys);
      return new SuiteLoadError(
        `${where(file, at?.line, at?.col)}: test ${index} "${test.description}": ${fieldName(keys)}: ${message}`,
        file,
        at?.line,
        at?.col,
      );
    };
    const assert = assertions.map((assertion, position) => {
      let rendered = assertion;
      if (assertion.value !== undefined) {
        try {
          rendered = { ...assertion, value: renderValue(assertion.value, vars) };
        } catch (error) {
          if (!(error instanceof TemplateError)) throw error;
          throw assertionError(position, 'value', error.message);
        }
      }
      const problem = assertionProblem(rendered);
      if (problem) throw assertionError(position, problem.field, problem.message);
      return rendered;
    });
    const { user, tags, ...metadata } = test.metadata ?? {};
    cases.push({
      caseId,
      description: test.description,
      suitePath: file,
      index,
      vars,
      ...(imagePath !== undefined ? { imagePath } : {}),
      assert,
      ...(user !== undefined ? { user } : {}),
      tags: tags ?? [],
      ...(test.threshold !== undefined ? { threshold: test.threshold } : {}),
      metadata,
    });
  }
  return {
    path: file,
    description: suite.description,
    prompts: suite.prompts,
    providers: suite.providers.map(providerOf),
    cases,
    suite,
  };
}

/**
 * One suite file, or every `.yaml`/`.yml` file directly inside a folder (not its subfolders, so
 * `fixtures/` stays out), in name order. Case ids must be unique across all of them.
 */
export async function loadSuites(fileOrDir: string): Promise<LoadedSuite[]> {
  const target = path.resolve(fileOrDir);
  let info;
  try {
    info = await stat(target);
  } catch {
    throw new SuiteLoadError(
      `${displayPath(target)}: no such file or folder; give a suite .yaml file or a folder of them`,
      target,
    );
  }
  let files = [target];
  if (info.isDirectory()) {
    const entries = await readdir(target, { withFileTypes: true });
    files = entries
      .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
      .map((entry) => path.join(target, entry.name))
      .sort();
    if (files.length === 0)
      throw new SuiteLoadError(
        `${displayPath(target)}: the folder holds no .yaml suite files`,
        target,
      );
  }
  const suites: LoadedSuite[] = [];
  const owners = new Map<string, LoadedCase>();
  for (const file of files) {
    const suite = await loadSuite(file);
    for (const loaded of suite.cases) {
      const other = owners.get(loaded.caseId);
      if (other)
        throw new SuiteLoadError(
          `${displayPath(file)}: test ${loaded.index} "${loaded.description}": case id "${loaded.caseId}" is also used by ${displayPath(other.suitePath)} test ${other.index} "${other.description}"; give one of them a distinct metadata.id`,
          file,
        );
      owners.set(loaded.caseId, loaded);
    }
    suites.push(suite);
  }
  return suites;
}

/** The cases tagged `tag` or whose `metadata.user` is `tag` (`--filter TAG`); all when no tag. */
export function filterCases(cases: readonly LoadedCase[], tag: string | undefined): LoadedCase[] {
  if (tag === undefined || tag === '') return [...cases];
  return cases.filter((loaded) => loaded.user === tag || loaded.tags.includes(tag));
}
