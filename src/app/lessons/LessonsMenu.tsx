/** The Lessons menu: every lesson by title, and the one left for free play to resume. */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useWords } from '../../view/vocabulary.ts';
import { LESSONS, lessonById } from './lessons.ts';
import { lessonText } from './text.ts';
import { LESSONS_BUTTON_ID, useLessonMoves, useLessonState } from './useLessons.ts';
import './lessons.css';

export function LessonsMenu() {
  const [open, setOpen] = useState(false);
  const words = useWords();
  const moves = useLessonMoves();
  const left = useLessonState((s) => s.left);
  const current = useLessonState((s) => s.open);
  const menuId = useId();
  const list = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const leftLesson = left === null ? undefined : lessonById(left.lessonId);

  useEffect(() => {
    if (!open) return;
    list.current?.querySelector('button')?.focus();
    const onPointer = (event: PointerEvent) => {
      const inside =
        event.target instanceof Node &&
        (list.current?.contains(event.target) || button.current?.contains(event.target));
      if (inside !== true) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="lessons-menu-wrap">
      <button
        type="button"
        id={LESSONS_BUTTON_ID}
        ref={button}
        aria-expanded={open}
        aria-controls={menuId}
        className={current !== null ? 'lessons-button--active' : undefined}
        onClick={() => {
          setOpen((o) => !o);
        }}
      >
        Lessons
      </button>
      {open && (
        <div
          className="lessons-menu"
          id={menuId}
          ref={list}
          role="group"
          aria-label="Lessons"
          onKeyDown={onKeyDown}
        >
          {leftLesson !== undefined && left !== null && (
            <button
              type="button"
              className="lessons-resume"
              onClick={() => {
                setOpen(false);
                moves.resume();
              }}
            >
              Resume “{lessonText(leftLesson.title, words)}” at step {left.index + 1} of{' '}
              {leftLesson.steps.length}
            </button>
          )}
          <ol>
            {LESSONS.map((lesson) => (
              <li key={lesson.id}>
                <button
                  type="button"
                  onClick={() => {
                    setOpen(false);
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
      )}
    </div>
  );
}
