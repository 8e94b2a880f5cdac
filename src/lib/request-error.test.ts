import { describe, expect, it } from 'vitest';
import { hostMovedBody } from './playground-host';
import { describeFailure, fieldErrors, toRequestFailure } from './request-error';

describe('describeFailure', () => {
	it('lists the fields a 400 validation error names', () => {
		const response = {
			status: 400,
			message: 'Failed to create record.',
			data: { email: { code: 'validation_not_unique', message: 'Value must be unique.' } },
		};
		const text = describeFailure({
			status: 400,
			message: response.message,
			isAbort: false,
			response,
		});
		expect(text.title).toContain('400');
		expect(text.advice).toBe('It said: email: Value must be unique.');
	});

	it('explains no answer, 429 and 404 in the reader’s terms', () => {
		expect(
			describeFailure({ status: 0, message: 'Failed to fetch', isAbort: false, response: {} }).title
		).toMatch(/No answer/);
		expect(
			describeFailure({ status: 429, message: '', isAbort: false, response: {} }).advice
		).toMatch(/Wait/);
		expect(
			describeFailure({ status: 404, message: 'x', isAbort: false, response: {} }).advice
		).toMatch(/rule/);
	});

	it('says a demo account was lost with its host, whatever status the new host gave', () => {
		const text = describeFailure({
			status: 401,
			message: 'x',
			isAbort: false,
			response: hostMovedBody(true),
		});
		expect(text.title).toBe('Your demo account was on a server that stopped.');
		expect(text.advice).toMatch(/Sign in again/);
	});

	it('tells a failed code download apart from an unreachable PocketBase', () => {
		const failure = toRequestFailure(
			new TypeError('Failed to fetch dynamically imported module: /x.js')
		);
		expect(describeFailure(failure).title).toBe('The demo’s code did not load.');
	});

	it('reads the SDK error’s fields and survives anything else', () => {
		expect(
			toRequestFailure({ status: 429, message: 'Too Many Requests.', isAbort: false, response: {} })
		).toMatchObject({
			status: 429,
		});
		expect(toRequestFailure('boom')).toEqual({
			status: 0,
			message: 'boom',
			isAbort: false,
			response: undefined,
		});
		expect(fieldErrors(undefined)).toEqual([]);
	});
});
