import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lessonFileName, lessonFileText } from './lessonFormat.ts';
import { LESSONS } from './lessons.ts';

const DIR = fileURLToPath(new URL('../../../docs/lessons/', import.meta.url));

describe('the example lesson files (docs/lessons, written by npm run lessons:files)', () => {
  it('are one per built-in lesson, and no others', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.lesson.json'));
    expect(files.sort()).toEqual(LESSONS.map(lessonFileName).sort());
  });

  it.each(LESSONS.map((l) => [lessonFileName(l), l] as const))(
    '%s is what Export lesson writes',
    (name, lesson) => {
      expect(readFileSync(`${DIR}${name}`, 'utf8')).toBe(lessonFileText(lesson));
    },
  );
});
