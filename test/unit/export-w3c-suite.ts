/**
 * The W3C Web Annotation test suite's "JSONtest" runner, for Node: loads a `.test` file, its
 * assertion schemas (JSON Schema draft-04) and the `definitions/*.json` they `$ref`, and runs every
 * assertion against one annotation with the suite's own semantics (WPT `resources/JSONtest.js`):
 *
 * - assertions run in order; a nested array is a sub-list run at the next level;
 * - `expectedResult` ('valid' by default, or 'invalid') says whether the schema should match;
 * - when the result is not the expected one, `onUnexpectedResult` decides what happens next:
 *   failAndContinue (default) / passAndContinue go on, failAndSkip / passAndSkip skip the rest of the
 *   list, failAndAbort / passAndAbort stop everything; skipped assertions are reported as such;
 * - a `.test` file may list `skipFailures` (assertion types such as 'should' or 'may' whose failure
 *   is only informative). A "MUST" assertion never is.
 *
 * Formats (`uri`, `date-time`) are checked, as the suite's Ajv did. The suite is vendored unchanged in
 * `test/fixtures/w3c-web-annotation-tests/` (W3C test-suite licence, see its license.md), or where `W3C_ANNOTATION_TESTS`
 * points.
 */
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/tmp';

export const W3C_SUITE = process.env.W3C_ANNOTATION_TESTS ?? join(ROOT, 'test', 'fixtures', 'w3c-web-annotation-tests');

type Schema = Record<string, unknown> & {
  title?: string;
  assertionType?: string;
  expectedResult?: 'valid' | 'invalid';
  onUnexpectedResult?: string;
  errorMessage?: string;
};
type AssertionList = Array<Schema | AssertionList>;

export interface AssertionResult {
  file: string;
  title: string;
  assertionType: string;
  status: 'pass' | 'fail' | 'skipped';
  /** Failures of a type the .test file lists in `skipFailures` count as informative only. */
  informative: boolean;
  detail: string;
}

export interface SuiteRunner {
  name: string;
  assertionCount: number;
  run(content: unknown): AssertionResult[];
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

export function loadSuite(testFile: string, root = W3C_SUITE): SuiteRunner {
  if (!existsSync(join(root, testFile))) {
    throw new Error(`The W3C Web Annotation test suite is not at ${root} (set W3C_ANNOTATION_TESTS to its folder).`);
  }
  const test = readJson(join(root, testFile)) as {
    name: string;
    assertions: Array<string | unknown[]>;
    skipFailures?: string[];
  };
  // The suite's harness: `new Ajv({allErrors: true, validateSchema: false})`. Draft-04 keywords
  // (`id`), the suite's own annotations (assertionType, expectedResult, …) are not keywords.
  const ajv = new Ajv({ allErrors: true, validateSchema: false, strict: false, logger: false });
  addFormats(ajv);
  for (const file of readdirSync(join(root, 'definitions')).filter((f) => f.endsWith('.json'))) {
    ajv.addSchema(readJson(join(root, 'definitions', file)) as Schema);
  }
  const skipFailures = new Set(test.skipFailures ?? []);
  let count = 0;
  const load = (list: Array<string | unknown[]>): AssertionList =>
    list.map((entry) => {
      if (Array.isArray(entry)) return load(entry as Array<string | unknown[]>);
      count++;
      if (typeof entry === 'string') return { ...(readJson(join(root, entry)) as Schema), assertionFile: entry };
      // An inline assertion, or `{ assertionFile, …overrides }`.
      const inline = entry as Schema & { assertionFile?: string };
      return inline.assertionFile ? { ...(readJson(join(root, inline.assertionFile)) as Schema), ...inline } : inline;
    });
  const assertions = load(test.assertions);
  const compiled = new Map<Schema, ReturnType<typeof ajv.compile>>();
  const compile = (schema: Schema) => {
    let validate = compiled.get(schema);
    if (!validate) {
      // The suite's own fields are not part of the schema the harness compiles into a validator
      // (Ajv would otherwise cache two assertions that share an `id` under one key).
      const { assertionFile: _file, ...rest } = schema as Schema & { assertionFile?: string };
      void _file;
      validate = ajv.compile(rest);
      compiled.set(schema, validate);
    }
    return validate;
  };
  // Compile everything up front: a schema that does not compile is a broken harness, not a pass.
  const walk = (list: AssertionList) => list.forEach((a) => (Array.isArray(a) ? walk(a) : compile(a)));
  walk(assertions);

  return {
    name: test.name,
    assertionCount: count,
    run(content) {
      const results: AssertionResult[] = [];
      const runList = (list: AssertionList, level: number, action: string): string => {
        for (const assert of list) {
          if (Array.isArray(assert)) {
            if (runList(assert, level + 1, action) === 'abort') action = 'abort';
            continue;
          }
          const file = String((assert as { assertionFile?: string }).assertionFile ?? `inline ${level}`);
          const title = String(assert.title ?? file);
          const assertionType = String(assert.assertionType ?? 'must');
          if (action !== 'continue') {
            results.push({ file, title, assertionType, status: 'skipped', informative: false, detail: action });
            continue;
          }
          const validate = compile(assert);
          const valid = validate(content) as boolean;
          const expected = assert.expectedResult ?? 'valid';
          const asExpected = (expected === 'valid') === valid;
          if (!asExpected) {
            const next = String(assert.onUnexpectedResult ?? 'failAndContinue');
            action = next.endsWith('Skip') ? 'skip' : next.endsWith('Abort') ? 'abort' : 'continue';
          }
          results.push({
            file,
            title,
            assertionType,
            status: asExpected ? 'pass' : 'fail',
            informative: !asExpected && skipFailures.has(assertionType),
            detail: asExpected
              ? ''
              : `${assert.errorMessage ?? `Result was not ${expected}`}; ${ajv.errorsText(validate.errors)}`,
          });
        }
        return action;
      };
      runList(assertions, 1, 'continue');
      return results;
    },
  };
}

/** The results that make an annotation fail the test (failures and skipped assertions). */
export function failures(results: AssertionResult[]): AssertionResult[] {
  return results.filter((r) => (r.status === 'fail' && !r.informative) || r.status === 'skipped');
}
