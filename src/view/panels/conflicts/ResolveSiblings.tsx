/** Resolving siblings: keep one of the values, or write a merged one, on a primary that holds them. */
import { useId, useRef, useState, type SyntheticEvent } from 'react';
import type { ConflictRecord } from '../../../engine/index.ts';
import { fieldProblem } from '../../../store/fields.ts';
import { resolverFor, useLabActions, useLabStore } from '../../../store/index.ts';
import { translateRoles, useWords } from '../../vocabulary.ts';

export function ResolveSiblings({ record }: { readonly record: ConflictRecord }) {
  const actions = useLabActions();
  const words = useWords();
  const id = useId();
  const [merged, setMerged] = useState('');
  const mergedInput = useRef<HTMLInputElement>(null);
  // The same limits as a written value (a share link replays the merge); empty is refused on Merge.
  const [tried, setTried] = useState(false);
  const mergedProblem = merged === '' ? (tried ? 'must not be empty' : null) : fieldProblem('value', merged);
  // Only the answer (a node id or a problem) is selected, so this re-renders when that changes.
  const where = useLabStore((s) => {
    const found = resolverFor(s.snapshot.nodes, record);
    return 'nodeId' in found ? found.nodeId : `!${found.problem}`;
  });
  const problem = where.startsWith('!') ? where.slice(1) : null;
  const resolve = (value: string) => {
    actions.resolveConflict(record.id, value);
  };
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (merged === '' || mergedProblem !== null) {
      setTried(true);
      mergedInput.current?.focus();
      return;
    }
    resolve(merged);
  };
  const values = [...new Set(record.siblings.map((v) => v.value))];
  return (
    <form
      className="resolve-siblings"
      aria-label={`Resolve the siblings of ${record.key}`}
      aria-describedby={`${id}-where`}
      noValidate
      onSubmit={submit}
    >
      <p id={`${id}-where`} className="hint">
        {problem === null
          ? `Writes the chosen value on ${where} with every sibling in its history, so it replaces them everywhere.`
          : translateRoles(`Cannot resolve now: ${problem}.`, words)}
      </p>
      <div className="resolve-keep">
        {values.map((value) => (
          <button
            key={value}
            type="button"
            disabled={problem !== null}
            aria-label={`Keep "${value}"`}
            onClick={() => {
              resolve(value);
            }}
          >
            Keep “<span className="conflict-value">{value}</span>”
          </button>
        ))}
      </div>
      <label htmlFor={`${id}-merged`}>Merged value</label>
      <span className="resolve-merge">
        <input
          ref={mergedInput}
          id={`${id}-merged`}
          value={merged}
          required
          autoComplete="off"
          spellCheck={false}
          aria-invalid={mergedProblem !== null}
          aria-describedby={mergedProblem === null ? undefined : `${id}-merged-problem`}
          onChange={(e) => {
            setMerged(e.target.value);
          }}
        />
        <button type="submit" disabled={problem !== null}>
          Merge
        </button>
      </span>
      {mergedProblem !== null && (
        <p id={`${id}-merged-problem`} className="field-problem">
          Merged value {mergedProblem}.
        </p>
      )}
    </form>
  );
}
