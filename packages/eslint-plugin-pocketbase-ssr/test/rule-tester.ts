// ESLint's RuleTester, reporting through vitest, with the parser the recommended config uses.
import tsParser from '@typescript-eslint/parser';
import { RuleTester, type Rule } from 'eslint';
import { describe, it } from 'vitest';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const ruleTester = new RuleTester({
	languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
});

/** typescript-eslint's rule type and ESLint's describe the same object differently. */
export function eslintRule(rule: unknown): Rule.RuleModule {
	return rule as Rule.RuleModule;
}
