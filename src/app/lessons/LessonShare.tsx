/**
 * The Share dialog's part for the lesson open: a link and embed code that open it at the step shown. A
 * lesson of the reader's own travels in the link itself (`#l=`); a built-in one by its id (`?lesson=`).
 */
import { useId, useState } from 'react';
import { useLabStore, useLabStoreApi } from '../../store/index.ts';
import { useWords } from '../../view/vocabulary.ts';
import { CopyButton } from '../share/CopyButton.tsx';
import { LONG_LINK_CHARS } from '../share/linkCodec.ts';
import { embedSnippet } from '../share/shareUrl.ts';
import { viewQuery } from '../share/viewOptions.ts';
import { lessonLinkProblems, lessonUrl } from './lessonLink.ts';
import { lessonAt } from './lessonState.ts';
import { lessonStoreFor } from './lessonStore.ts';
import { markupPieces } from './markup.ts';
import { lessonText } from './text.ts';

/** The lesson open when the dialog opened (null: none, and nothing shows). */
export function LessonShare() {
  const lab = useLabStoreApi();
  const words = useWords();
  const theme = useLabStore((s) => s.theme);
  const vocabulary = useLabStore((s) => s.vocabulary);
  const id = useId();
  const [open] = useState(() => {
    const state = lessonStoreFor(lab).getState();
    const lesson = lessonAt(state, state.open);
    return state.open === null || lesson === undefined ? null : { lesson, place: state.open };
  });
  if (open === null) return null;
  const { lesson, place } = open;
  const problems = lessonLinkProblems(lesson);
  const origin = window.location.origin;
  const link = lessonUrl(origin, '/', viewQuery({ theme, terms: vocabulary }), lesson, place);
  const embed = lessonUrl(origin, '/embed', viewQuery({ terms: vocabulary }), lesson, place);
  const title = markupPieces(lessonText(lesson.title, words))
    .map((piece) => piece.text)
    .join('');
  const snippet = embedSnippet(embed, `Replication Lab lesson: ${title}`);
  return (
    <section aria-labelledby={`${id}-h`} className="share-lesson">
      <h3 id={`${id}-h`}>Lesson</h3>
      <p className="hint">
        “{title}” at step {place.index + 1} of {lesson.steps.length}.{' '}
        {place.custom === true
          ? 'The link and the embed code carry the lesson itself: whoever opens them plays it from that step.'
          : 'The link and the embed code open this lesson at that step.'}
      </p>
      {problems.length > 0 ? (
        <ul className="hint share-warn" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : (
        <>
          <label htmlFor={`${id}-url`}>Lesson link</label>
          <input id={`${id}-url`} className="share-url" readOnly value={link} />
          <div className="share-row">
            <CopyButton text={link} label="Copy lesson link" />
          </div>
          {link.length > LONG_LINK_CHARS && (
            <p className="hint share-warn">
              This link is {link.length} characters long; some chat and mail tools cut long links. Export the
              lesson as a file as well.
            </p>
          )}
          <label htmlFor={`${id}-code`}>Lesson embed code</label>
          <textarea id={`${id}-code`} className="share-code" readOnly rows={4} value={snippet} />
          <div className="share-row">
            <CopyButton text={snippet} label="Copy lesson embed code" />
          </div>
        </>
      )}
    </section>
  );
}
