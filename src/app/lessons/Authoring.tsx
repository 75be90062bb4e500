/**
 * Authoring a lesson on screen: the recording's indicator (with its step count and Stop recording), the
 * lesson editor, and, while the lesson is previewed, a bar back to the editor. It lies over the lab (a
 * portal on the page), so it shows in the embed too, where the details column may be hidden.
 */
import { createPortal } from 'react-dom';
import { useLabStore, useLabStoreApi } from '../../store/index.ts';
import { LessonEditor } from './LessonEditor.tsx';
import { LessonText } from './LessonText.tsx';
import { lessonStoreFor, useLessonState, type Recording } from './lessonStore.ts';
import { recordedStepCount, startedOver, stopRecording } from './recording.ts';
import './authoring.css';

function RecordingBar({ recording }: { readonly recording: Recording }) {
  const lab = useLabStoreApi();
  // Counted again whenever the lab's state changes.
  useLabStore((s) => s.snapshot.version);
  useLabStore((s) => s.simTime);
  const steps = recordedStepCount(lab, recording);
  const over = startedOver(lab, recording);
  return (
    <section className="recording-bar" aria-label="Recording a lesson">
      <span className="recording-dot" aria-hidden="true" />
      <span role="status">
        Recording: {steps} {steps === 1 ? 'step' : 'steps'}
        {over ? ' (the lab started over: Stop keeps what came before)' : ''}
      </span>
      <button
        type="button"
        onClick={() => {
          stopRecording(lab, lessonStoreFor(lab));
        }}
      >
        Stop recording
      </button>
    </section>
  );
}

export function Authoring() {
  const lab = useLabStoreApi();
  const authoring = useLessonState((s) => s.authoring);
  const previewed = useLessonState((s) => s.open?.custom === true);
  if (authoring === null || authoring === undefined) return null;
  let shown;
  if (authoring.kind === 'recording') shown = <RecordingBar recording={authoring.recording} />;
  else if (authoring.previewing && previewed)
    shown = (
      <section className="recording-bar" aria-label="Previewing a lesson">
        <span>
          Previewing “<LessonText text={authoring.lesson.title} />”
        </span>
        <button
          type="button"
          onClick={() => {
            const store = lessonStoreFor(lab);
            store.setState({ open: null, authoring: { ...authoring, previewing: false } });
          }}
        >
          Back to the editor
        </button>
      </section>
    );
  else shown = <LessonEditor lesson={authoring.lesson} notes={authoring.notes} kept={authoring.kept} />;
  return createPortal(<div className="authoring">{shown}</div>, document.body);
}
