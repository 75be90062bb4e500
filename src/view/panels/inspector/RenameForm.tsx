/**
 * Names a node for people ("Virginia primary"): a label of at most MAX_LABEL_LENGTH characters, shown in
 * the graph, the table and the words; its id stays, so links, commands and shares keep working. An empty
 * label shows the id again.
 */
import { useId, useState } from 'react';
import { MAX_LABEL_LENGTH, charCount, type NodeView } from '../../../engine/index.ts';
import { useLabActions } from '../../../store/index.ts';

export function RenameForm({ node }: { readonly node: NodeView }) {
  const actions = useLabActions();
  // Starts from the label the node has; a new node or label resets it (the parent keys it).
  const [text, setText] = useState(node.label ?? '');
  const id = useId();
  const length = charCount(text.trim());
  const problem =
    length > MAX_LABEL_LENGTH
      ? `A label is at most ${MAX_LABEL_LENGTH} characters (this one has ${length}).`
      : null;
  const unchanged = text.trim() === (node.label ?? '');
  return (
    <form
      className="action-group"
      aria-label="Name"
      onSubmit={(e) => {
        e.preventDefault();
        if (problem === null && !unchanged) actions.renameNode(node.id, text);
      }}
    >
      <h3>Name</h3>
      <div className="node-actions">
        <span className="inline-field">
          <label htmlFor={id}>Label</label>
          <input
            id={id}
            type="text"
            value={text}
            placeholder={node.id}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem !== null}
            aria-describedby={`${id}-note`}
            onChange={(e) => {
              setText(e.target.value);
            }}
          />
        </span>
        <button type="submit" disabled={problem !== null || unchanged}>
          Rename
        </button>
      </div>
      <p id={`${id}-note`} className={problem === null ? 'muted form-note' : 'form-note setting-problem'}>
        {problem ??
          `What the graph calls ${node.id} (up to ${MAX_LABEL_LENGTH} characters; empty shows its id). Its id stays.`}
      </p>
    </form>
  );
}
