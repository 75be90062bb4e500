/**
 * The Lessons menu's list: every lesson by title (with the learner's progress in it, in the full lab), the
 * one left for free play to resume, a lesson of the reader's own to import from a file, and a way to clear
 * the progress kept.
 */
import { useEffect, useRef, useState } from 'react';
import { useLabStoreApi } from '../../store/index.ts';
import { LESSONS } from './lessons.ts';
import { lessonAt } from './lessonState.ts';
import { LessonText } from './LessonText.tsx';
import { openLessonFile } from './lessonImport.ts';
import { lessonStoreFor } from './lessonStore.ts';
import { startRecording, stopRecording } from './recording.ts';
import {
  browserStorage,
  clearProgress,
  keepsProgress,
  progressText,
  readProgress,
  type Progress,
} from './progress.ts';
import { useLessonMoves, useLessonState } from './useLessons.ts';

/** `onPick` closes the menu; the list takes focus when it appears. */
export function LessonList({ onPick }: { readonly onPick: () => void }) {
  // The full lab shows the progress it keeps; the embed keeps none.
  const [showProgress] = useState(keepsProgress);
  const [progress, setProgress] = useState<Progress>(() =>
    showProgress ? readProgress(browserStorage()) : {},
  );
  const [cleared, setCleared] = useState(false);
  const lab = useLabStoreApi();
  const moves = useLessonMoves();
  const left = useLessonState((s) => s.left);
  const recording = useLessonState((s) => s.authoring?.kind === 'recording');
  // Recording anew would replace the lesson in the editor: it is closed first (and asks, if unsaved).
  const editing = useLessonState((s) => s.authoring?.kind === 'editing');
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
        {LESSONS.map((lesson) => {
          const kept = progressText(
            progress[lesson.id],
            lesson.steps.filter((s) => s.predict !== undefined).length,
          );
          return (
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
                {kept !== null && <span className="lessons-progress">{kept}</span>}
              </button>
            </li>
          );
        })}
      </ol>
      <div className="lessons-files">
        {recording ? (
          <button
            type="button"
            title="Stop recording and edit the lesson made of what you did"
            onClick={() => {
              onPick();
              stopRecording(lab, lessonStoreFor(lab));
            }}
          >
            Stop recording
          </button>
        ) : (
          <button
            type="button"
            disabled={editing}
            aria-describedby={editing ? 'lessons-editing-note' : undefined}
            title="Start this scenario over and record what you do in the lab as a lesson's steps"
            onClick={() => {
              onPick();
              startRecording(lab, lessonStoreFor(lab));
            }}
          >
            Record a lesson
          </button>
        )}
        {editing && (
          <p id="lessons-editing-note" className="hint">
            A lesson is open in the lesson editor: close it to record another.
          </p>
        )}
        <button
          type="button"
          title="Open a lesson file (.lesson.json) and play it; Export lesson in a lesson's panel makes one"
          onClick={() => fileInput.current?.click()}
        >
          Import lesson…
        </button>
        {showProgress && (Object.keys(progress).length > 0 || cleared) && (
          <button
            type="button"
            title="Forget which lessons you started and finished and how your predictions went, in this browser"
            onClick={() => {
              clearProgress(browserStorage());
              setProgress({});
              setCleared(true);
            }}
          >
            Clear progress
          </button>
        )}
        {cleared && (
          <span role="status" className="lessons-cleared">
            Progress cleared.
          </span>
        )}
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
