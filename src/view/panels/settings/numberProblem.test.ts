import { describe, expect, it } from 'vitest';
import { numberProblem } from './numberProblem.ts';

const timeout = { label: 'Failover timeout', min: 20, max: 3_600_000, unit: 'ms', integer: true };

describe('a number field’s problem', () => {
  it('accepts a whole number in range', () => {
    expect(numberProblem('3000', timeout)).toBeNull();
  });

  it('names the field, the range and the value when out of range', () => {
    expect(numberProblem('5', timeout)).toBe('Failover timeout must be between 20 and 3600000 ms, not 5.');
  });

  it('asks for a whole number, and for a number when the field is empty or garbled', () => {
    expect(numberProblem('2.5e3', timeout)).toBeNull();
    expect(numberProblem('25.5', timeout)).toMatch(/must be a whole number/);
    expect(numberProblem('', timeout)).toBe('Failover timeout needs a number.');
    expect(numberProblem('not a number', timeout)).toMatch(/must be a number/);
  });

  it('allows an empty field when it can be cleared', () => {
    expect(numberProblem(' ', { ...timeout, onClear: () => undefined })).toBeNull();
  });

  it('runs the further check last', () => {
    const rules = { ...timeout, validate: (v: number) => (v < 2000 ? 'too short' : null) };
    expect(numberProblem('1500', rules)).toBe('too short');
    expect(numberProblem('5', rules)).toMatch(/between/);
  });
});
