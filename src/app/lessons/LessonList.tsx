/**
 * The Lessons menu's list: every lesson by title, the one left for free play to resume, and a lesson of
 * the reader's own to import from a file.
 */
import { useEffect, useRef } from 'react';
import { useLabStoreApi } from '../../store/index.ts';
import { LESSONS } from './lessons.ts';
import { lessonAt } from './lessonState.ts';
import { LessonText } from './LessonText.tsx';
import { openLessonFile } from './lessonImport.ts';
import { useLessonMoves, useLessonState } from './useLessons.ts';

/** `onPick` closes the menu; the list takes focus when it appears. */
export function LessonList({ onPick }: { readonly onPick: () => void }) {
  const lab = useLabStoreApi();
  const moves = useLessonMoves();
  const left = useLessonState((s) => s.left);
  const leftLesson = useLessonState((s) => lessonAt(s, s.left));
  const first = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    first.current?.querySelector('button')?.focus();
  }, []);
  return (
    <div ref={first}>
      {leftLesson !== undefined && left !== null && (
        <button
          type="button"
          className="lessons-resume"
          onClick={() => {
            onPick();
            moves.resume();
          }}
        >
          Resume “<LessonText text={leftLesson.title} />” at step {left.index + 1} of{' '}
          {leftLesson.steps.length}
        </button>
      )}
      <ol>
        {LESSONS.map((lesson) => (
          <li key={lesson.id}>
            <button
              type="button"
              onClick={() => {
                onPick();
                moves.start(lesson);
              }}
            >
              <span className="lessons-title">
                <LessonText text={lesson.title} />
              </span>
              <span className="lessons-summary">
                <LessonText text={lesson.summary} />
              </span>
            </button>
          </li>
        ))}
      </ol>
      <div className="lessons-files">
        <button
          type="button"
          title="Open a lesson file (.lesson.json) and play it; Export lesson in a lesson's panel makes one"
          onClick={() => fileInput.current?.click()}
        >
          Import lesson…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file === undefined) return;
            onPick();
            void openLessonFile(lab, file);
          }}
        />
      </div>
    </div>
  );
}
