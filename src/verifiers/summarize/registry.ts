// One parser per verifier tool; summarizeOutput looks them up here.
import type { VerifierTool } from '../../scenarios/schema.ts';
import type { OutputParser } from './types.ts';
import { cargoParser } from './cargo.ts';
import { eslintParser } from './eslint.ts';
import { goParser } from './go.ts';
import { gradleParser } from './gradle.ts';
import { jestParser } from './jest.ts';
import { mavenParser } from './maven.ts';
import { nodeTestParser } from './node-test.ts';
import { npmParser } from './npm.ts';
import { pytestParser } from './pytest.ts';
import { tscParser } from './tsc.ts';
import { unittestParser } from './unittest.ts';
import { vitestParser } from './vitest.ts';

export const parsersByTool: Readonly<Record<VerifierTool, OutputParser>> = {
  tsc: tscParser,
  vitest: vitestParser,
  jest: jestParser,
  'node-test': nodeTestParser,
  eslint: eslintParser,
  npm: npmParser,
  maven: mavenParser,
  gradle: gradleParser,
  pytest: pytestParser,
  unittest: unittestParser,
  cargo: cargoParser,
  go: goParser,
};
