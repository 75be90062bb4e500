/** The Lessons menu's list: every lesson by title, and the one left for free play to resume. */
import { useEffect, useRef } from 'react';
import { useWords } from '../../view/vocabulary.ts';
import { LESSONS, lessonById } from './lessons.ts';
import { lessonText } from './text.ts';
import { useLessonMoves, useLessonState } from './useLessons.ts';

/** `onPick` closes the menu; the list takes focus when it appears. */
export function LessonList({ onPick }: { readonly onPick: () => void }) {
  const words = useWords();
  const moves = useLessonMoves();
  const left = useLessonState((s) => s.left);
  const leftLesson = left === null ? undefined : lessonById(left.lessonId);
  const first = useRef<HTMLDivElement>(null);
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
          Resume “{lessonText(leftLesson.title, words)}” at step {left.index + 1} of {leftLesson.steps.length}
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
              <span className="lessons-title">{lessonText(lesson.title, words)}</span>
              <span className="lessons-summary">{lessonText(lesson.summary, words)}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
