/**
 * `npm run lessons:files`: writes every built-in lesson as an example lesson file, docs/lessons/<id>.lesson.json,
 * exactly as the lab's Export lesson does (lessonFiles.test.ts fails when they differ).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LESSONS } from '../src/app/lessons/lessons.ts';
import { lessonFileName, lessonFileText } from '../src/app/lessons/lessonFormat.ts';

const dir = join(import.meta.dirname, '..', 'docs', 'lessons');
mkdirSync(dir, { recursive: true });
const names = new Set(LESSONS.map(lessonFileName));
for (const stale of readdirSync(dir).filter((f) => f.endsWith('.lesson.json') && !names.has(f)))
  rmSync(join(dir, stale));
for (const lesson of LESSONS) writeFileSync(join(dir, lessonFileName(lesson)), lessonFileText(lesson));
console.log(`wrote ${LESSONS.length} lesson files to docs/lessons/`);
