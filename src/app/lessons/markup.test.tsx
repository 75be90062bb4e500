import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LabStoreContext, createLab } from '../../store/index.ts';
import { LessonText } from './LessonText.tsx';
import { htmlIn, markupPieces } from './markup.ts';

describe('the lessons’ safe markup', () => {
  it('splits *emphasis* and `code` out of plain text', () => {
    expect(markupPieces('Kill *db1*, then run `SELECT 1` on db2.')).toEqual([
      { kind: 'text', text: 'Kill ' },
      { kind: 'em', text: 'db1' },
      { kind: 'text', text: ', then run ' },
      { kind: 'code', text: 'SELECT 1' },
      { kind: 'text', text: ' on db2.' },
    ]);
  });

  it('leaves unpaired or spaced marks as text', () => {
    expect(markupPieces('2 * 3 * 4, a lone * and a lone `')).toEqual([
      { kind: 'text', text: '2 * 3 * 4, a lone * and a lone `' },
    ]);
    expect(markupPieces('`*not emphasis*`')).toEqual([{ kind: 'code', text: '*not emphasis*' }]);
  });

  it('finds HTML tags, comments and declarations, but not a lone "<"', () => {
    expect(htmlIn('lag < 5 ms and 3<4')).toBeNull();
    expect(htmlIn('read <b>this</b>')).toBe('<b>');
    expect(htmlIn('x</script>')).toBe('</script>');
    expect(htmlIn('<!-- hidden -->')).toBe('<!--');
    expect(htmlIn('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('renders emphasis and code as elements, and anything else as escaped text', () => {
    const lab = createLab({ preset: 'master-slave', playing: false });
    const html = renderToStaticMarkup(
      <LabStoreContext value={lab}>
        <LessonText text="The {primary} is *db1*; `<b>` stays <b>text</b>." />
      </LabStoreContext>,
    );
    expect(html).toBe('The master is <em>db1</em>; <code>&lt;b&gt;</code> stays &lt;b&gt;text&lt;/b&gt;.');
  });
});
