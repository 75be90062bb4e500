/**
 * The Lessons menu: its button, and a menu listing every lesson. The list, the lessons' data and the
 * player are a chunk of their own, fetched when the browser is idle after the first frame.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { whenIdle } from '../../view/whenIdle.ts';
import { LessonListPart as List, preloadLessons } from './lessonParts.tsx';
import { LESSONS_BUTTON_ID, useLessonState } from './lessonStore.ts';
import './lessons.css';

export function LessonsMenu() {
  const [open, setOpen] = useState(false);
  const current = useLessonState((s) => s.open);
  const menuId = useId();
  const list = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => whenIdle(preloadLessons), []);

  useEffect(() => {
    if (!open) return;
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
        title="Guided lessons, one step at a time"
        onClick={() => {
          if (open) setOpen(false);
          else
            void preloadLessons().then(() => {
              setOpen(true);
            });
        }}
      >
        <span className="control-icon control-icon--lessons" aria-hidden="true" />
        <span className="control-label">Lessons</span>
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
          <List.Component
            fallback={<p className="muted">Loading the lessons…</p>}
            onPick={() => {
              setOpen(false);
            }}
          />
        </div>
      )}
    </div>
  );
}
