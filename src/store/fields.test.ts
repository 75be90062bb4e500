import { describe, expect, it } from 'vitest';
import { keyField, nodeIdField } from './fieldSchemas.ts';
import { MAX_KEY_CHARS, charCount, fieldProblem, writeProblems } from './fields.ts';

const MB = 1024 * 1024;

describe('the field limits shared by the forms, the embed and links', () => {
  it('counts characters as a reader does: an emoji is one', () => {
    expect(charCount('')).toBe(0);
    expect(charCount('abc')).toBe(3);
    expect(charCount('😀✓é')).toBe(3);
    expect(charCount('\uD800x')).toBe(2); // a lone surrogate counts once
  });

  it('takes a key of 200 characters and refuses 201, saying how long it is', () => {
    expect(fieldProblem('key', 'k'.repeat(MAX_KEY_CHARS))).toBeNull();
    expect(fieldProblem('key', 'k'.repeat(201))).toBe('must be at most 200 characters (this one has 201)');
    expect(fieldProblem('key', 'k'.repeat(MB))).toBe(
      'must be at most 200 characters (this one has 1,048,576)',
    );
  });

  it('counts 200 emoji as 200 characters, not 400', () => {
    expect(fieldProblem('key', '😀'.repeat(200))).toBeNull();
    expect(fieldProblem('value', '😀'.repeat(201))).toMatch(/this one has 201\)$/);
  });

  it('refuses an empty key but takes an empty value', () => {
    expect(fieldProblem('key', '')).toBe('must not be empty');
    expect(fieldProblem('value', '')).toBeNull();
    expect(writeProblems('', 'v'.repeat(201))).toEqual([
      'key: must not be empty',
      'value: must be at most 200 characters (this one has 201)',
    ]);
  });

  it('treats prototype member names as plain keys', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(keyField.safeParse(key).success).toBe(true);
    }
  });

  it('takes node ids as the engine’s scenarios do', () => {
    expect(nodeIdField.safeParse('db-1.a_b').success).toBe(true);
    for (const bad of ['', 'db 1', 'x'.repeat(33), 'db1\n', '../db1/']) {
      expect(nodeIdField.safeParse(bad).success).toBe(false);
    }
  });
});
