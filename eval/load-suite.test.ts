import { mkdtemp, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filterCases, loadSuite, loadSuites, slugOf, SuiteLoadError } from './load-suite';

const fixtures = path.join(import.meta.dirname, 'suites', 'fixtures');
const fixture = (name: string) => path.join(fixtures, name);

async function loadError(file: string): Promise<SuiteLoadError> {
  const error = await loadSuite(file).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SuiteLoadError);
  return error as SuiteLoadError;
}

const temporary: string[] = [];
afterEach(async () => {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('loadSuite', () => {
  it('expands a valid suite: providers, defaultTest asserts first, vars merged, otherwise cases are built wrong', async () => {
    const suite = await loadSuite(fixture('valid-suite.yaml'));
    expect(suite.path).toBe(fixture('valid-suite.yaml'));
    expect(suite.prompts).toEqual(['agent-system@2']);
    expect(suite.providers).toEqual([
      { id: 'ollama:chat:qwen3:8b', model: 'qwen3:8b' },
      { id: 'ollama:chat:llama3.1:8b', model: 'llama3.1:8b', label: 'llama' },
    ]);
    const [forecast, photo, echo] = suite.cases;
    expect(forecast?.assert.map((assertion) => assertion.type)).toEqual([
      'max-steps',
      'tool-called',
      'icontains',
    ]);
    expect(forecast?.vars.locale).toBe('es-PE');
    expect(photo?.vars.locale).toBe('en-US');
    expect(photo?.assert.map((assertion) => assertion.type)).toEqual(['max-steps']);
    expect(echo?.threshold).toBe(0.5);
  });

  it('gives each case a stable id from metadata.id or the description slug, otherwise runs cannot be compared', async () => {
    const suite = await loadSuite(fixture('valid-suite.yaml'));
    expect(suite.cases.map((loaded) => loaded.caseId)).toEqual([
      'forecast-quinoa-for-next-month',
      'qc-photo-1',
      'echo-the-message',
    ]);
    expect(slugOf('¿Pronóstico de Quinua 500 g?')).toBe('pronostico-de-quinua-500-g');
  });

  it('resolves vars.image against the suite file, otherwise the runner sends no photo', async () => {
    const suite = await loadSuite(fixture('valid-suite.yaml'));
    expect(suite.cases[1]?.imagePath).toBe(path.join(fixtures, 'images', 'pack-ok.png'));
    expect(suite.cases[0]?.imagePath).toBeUndefined();
  });

  it('renders {{var}} in assertion values from the case vars, otherwise templated asserts compare the placeholder', async () => {
    const suite = await loadSuite(fixture('valid-suite.yaml'));
    expect(suite.cases[0]?.assert[2]?.value).toBe('es-PE');
    expect(suite.cases[2]?.assert[1]?.value).toBe('you said hola');
  });

  it('reports malformed YAML with the file, line and column, otherwise the author cannot find the typo', async () => {
    // Written at test time: a malformed file in the tree would break the repository's format check.
    const dir = await mkdtemp(path.join(tmpdir(), 'ayni-suite-'));
    temporary.push(dir);
    const file = path.join(dir, 'malformed.yaml');
    await writeFile(
      file,
      "description: Broken YAML\nprompts: ['agent-system@2'\nproviders: [ollama:chat:qwen3:8b]\ntests: []\n",
    );
    const error = await loadError(file);
    expect(error.message).toMatch(/malformed\.yaml:3:1: not valid YAML: Flow sequence/);
    expect(error.line).toBe(3);
  });

  it('reports an unknown assertion type with its line, the test, the field and the known types', async () => {
    const error = await loadError(fixture('unknown-assertion.yaml'));
    expect(error.line).toBe(14);
    expect(error.message).toContain('unknown-assertion.yaml:14:');
    expect(error.message).toContain('test 1 "Second case"');
    expect(error.message).toContain('tests[1].assert[1].type');
    expect(error.message).toContain('unknown assertion type "tool-callled"');
    expect(error.message).toContain('known: equals, contains');
    expect(error.message).toContain('tool-called');
  });

  it('reports a missing required field at its parent, otherwise a forgotten message goes unnoticed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ayni-suite-'));
    temporary.push(dir);
    const file = path.join(dir, 'suite.yaml');
    await writeFile(
      file,
      "description: x\nprompts: ['agent-system@1']\nproviders: [ollama:chat:m]\ntests:\n  - description: No message\n    vars:\n      text: hola\n",
    );
    const error = await loadError(file);
    expect(error.message).toContain('tests[0].vars.message: missing: add message (string)');
    expect(error.message).toContain('test 0 "No message"');
    expect(error.line).toBe(7);
  });

  it('names a misspelt field with the fields allowed there, otherwise a typo like "asert" silently drops checks', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ayni-suite-'));
    temporary.push(dir);
    const file = path.join(dir, 'suite.yaml');
    await writeFile(
      file,
      "description: x\nprompts: ['agent-system@1']\nproviders: [ollama:chat:m]\ntests:\n  - description: Typo\n    vars: { message: hola }\n    asert:\n      - type: grounded\n  - description: Second\n    vars: { message: hola }\n    assert:\n      - { type: tool-called, tol: query_sales }\n",
    );
    const error = await loadError(file);
    expect(error.message).toContain(
      'tests[0].asert: unknown field "asert"; allowed here: description, vars, assert, metadata, threshold',
    );
    expect(error.message).toContain('(and 1 more problem)');
    expect(error.line).toBe(8);
  });

  it('names the resolved path of a missing image, otherwise the author guesses which folder was searched', async () => {
    const error = await loadError(fixture('missing-image.yaml'));
    expect(error.message).toContain(path.join(fixtures, 'images', 'no-such-photo.png'));
    expect(error.message).toContain('tests[0].vars.image');
    expect(error.line).toBe(8);
  });

  it('rejects two cases with the same id naming both, otherwise their results overwrite each other', async () => {
    const error = await loadError(fixture('duplicate-ids.yaml'));
    expect(error.message).toContain('case id "ventas-de-quinua"');
    expect(error.message).toContain('test 1 "Ventas de quínua!"');
    expect(error.message).toContain('test 0 "Ventas de quinua"');
  });

  it('rejects a {{placeholder}} naming no variable, otherwise the assertion checks for an empty string', async () => {
    const error = await loadError(fixture('unknown-variable.yaml'));
    expect(error.message).toContain('{{ product }} names no variable');
    expect(error.message).toContain('tests[0].assert[0].value');
  });

  it('checks assertion fields at load time with their line, otherwise a bad regex fails only after the run', async () => {
    const error = await loadError(fixture('invalid-regex.yaml'));
    expect(error.line).toBe(17);
    expect(error.message).toContain('test 0 "Weekly sales"');
    expect(error.message).toContain('tests[0].assert[0].args.grain.regex');
    expect(error.message).toContain('/(week/ is not a valid regular expression');
  });

  it('reports a bad defaultTest assertion where defaultTest wrote it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ayni-suite-'));
    temporary.push(dir);
    const file = path.join(dir, 'suite.yaml');
    await writeFile(
      file,
      "description: x\nprompts: ['agent-system@1']\nproviders: [ollama:chat:m]\ndefaultTest:\n  assert:\n    - type: tool-args\n      args: { product: { sku: GRA-005 } }\ntests:\n  - description: One\n    vars: { message: hola }\n",
    );
    const error = await loadError(file);
    expect(error.message).toContain('defaultTest.assert[0].tool');
    expect(error.message).toContain('name the tool in `tool`');
    expect(error.line).toBe(6);
  });

  it('says when the file does not exist', async () => {
    const error = await loadError(fixture('nothing-here.yaml'));
    expect(error.message).toContain('no such file');
  });
});

describe('loadSuites', () => {
  it('loads the .yaml files directly in a folder in name order, not its subfolders', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ayni-suites-'));
    temporary.push(dir);
    await copyFile(fixture('valid-suite.yaml'), path.join(dir, 'b.yaml'));
    await writeFile(
      path.join(dir, 'a.yml'),
      "description: a\nprompts: ['agent-system@1']\nproviders: [ollama:chat:m]\ntests:\n  - description: Only one\n    vars: { message: hi }\n",
    );
    await writeFile(path.join(dir, 'notes.txt'), 'not a suite');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(dir, 'fixtures'));
    await writeFile(path.join(dir, 'fixtures', 'bad.yaml'), 'tests: [');
    await mkdir(path.join(dir, 'images'));
    await copyFile(fixture('images/pack-ok.png'), path.join(dir, 'images', 'pack-ok.png'));
    const suites = await loadSuites(dir);
    expect(suites.map((suite) => path.basename(suite.path))).toEqual(['a.yml', 'b.yaml']);
  });

  it('rejects a case id used in two files naming both files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ayni-suites-'));
    temporary.push(dir);
    const body =
      "description: s\nprompts: ['agent-system@1']\nproviders: [ollama:chat:m]\ntests:\n  - description: Same case\n    vars: { message: hi }\n";
    await writeFile(path.join(dir, 'one.yaml'), body);
    await writeFile(path.join(dir, 'two.yaml'), body);
    await expect(loadSuites(dir)).rejects.toThrow(
      /two\.yaml: test 0 "Same case".*one\.yaml test 0/,
    );
  });

  it('loads a single file and rejects an empty folder', async () => {
    expect(await loadSuites(fixture('valid-suite.yaml'))).toHaveLength(1);
    const dir = await mkdtemp(path.join(tmpdir(), 'ayni-suites-'));
    temporary.push(dir);
    await expect(loadSuites(dir)).rejects.toThrow(/holds no \.yaml suite files/);
  });
});

describe('filterCases', () => {
  it('keeps cases whose tags or metadata.user match, otherwise --filter runs the wrong cases', async () => {
    const { cases } = await loadSuite(fixture('valid-suite.yaml'));
    expect(filterCases(cases, 'smoke').map((loaded) => loaded.caseId)).toEqual([
      'forecast-quinoa-for-next-month',
    ]);
    expect(filterCases(cases, 'qc').map((loaded) => loaded.caseId)).toEqual(['qc-photo-1']);
    expect(filterCases(cases, 'manager')).toEqual([]);
    expect(filterCases(cases, undefined)).toHaveLength(3);
  });
});
