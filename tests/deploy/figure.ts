/**
 * A measured number, kept in the test's annotations: `npm run test:deploy` prints them under each
 * proxy, for the figures in playground/README.md.
 */
import { test } from '../fixtures';

export function recordFigure(description: string) {
	test.info().annotations.push({ type: 'figure', description });
}
