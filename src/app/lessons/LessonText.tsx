/** Lesson text on screen: role words resolved, `*emphasis*` and `` `code` `` as elements, never HTML. */
import { useWords } from '../../view/vocabulary.ts';
import { markupPieces } from './markup.ts';
import { lessonText } from './text.ts';

export function LessonText({ text }: { readonly text: string }) {
  const words = useWords();
  return markupPieces(lessonText(text, words)).map((piece, i) =>
    piece.kind === 'em' ? (
      <em key={i}>{piece.text}</em>
    ) : piece.kind === 'code' ? (
      <code key={i}>{piece.text}</code>
    ) : (
      piece.text
    ),
  );
}
