/**
 * The client write form: a key and a value, sent to one node. It accepts exactly what a share link can
 * carry (the store's field schemas): a key or value it refuses stays in its field, with a message there.
 */
import { useId, useRef, useState, type SyntheticEvent } from 'react';
import { fieldProblem } from '../../../store/fields.ts';

export interface Draft {
  readonly key: string;
  readonly value: string;
}

interface Props {
  readonly nodeId: string;
  readonly draft: Draft;
  readonly onChange: (draft: Draft) => void;
  /** Sends the draft; `insert`: as an INSERT, which fails where the key exists. */
  readonly onSubmit: (insert: boolean) => void;
  /** Whether to offer an insert (MariaDB: an INSERT of a held key fails with error 1062). */
  readonly offerInsert?: boolean;
}

export function WriteForm({ nodeId, draft, onChange, onSubmit, offerInsert = false }: Props) {
  const [insert, setInsert] = useState(false);
  const id = useId();
  const keyInput = useRef<HTMLInputElement>(null);
  const valueInput = useRef<HTMLInputElement>(null);
  // An empty key is reported once the person tries to send it, not while they retype it.
  const [tried, setTried] = useState(false);
  const keyProblem = fieldProblem('key', draft.key);
  const valueProblem = fieldProblem('value', draft.value);
  const shownKeyProblem = keyProblem !== null && (tried || draft.key !== '') ? keyProblem : null;
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (keyProblem !== null || valueProblem !== null) {
      setTried(true);
      (keyProblem !== null ? keyInput : valueInput).current?.focus();
      return;
    }
    setTried(false);
    onSubmit(offerInsert && insert);
  };
  return (
    <form className="write-form" aria-label={`Write to ${nodeId}`} noValidate onSubmit={submit}>
      <label htmlFor={`${id}-key`}>Key</label>
      <input
        ref={keyInput}
        id={`${id}-key`}
        value={draft.key}
        required
        autoComplete="off"
        spellCheck={false}
        aria-invalid={shownKeyProblem !== null}
        aria-describedby={shownKeyProblem === null ? undefined : `${id}-key-problem`}
        onChange={(e) => {
          onChange({ ...draft, key: e.target.value });
        }}
      />
      {shownKeyProblem !== null && (
        <p id={`${id}-key-problem`} className="field-problem">
          Key {shownKeyProblem}.
        </p>
      )}
      <label htmlFor={`${id}-value`}>Value</label>
      <input
        ref={valueInput}
        id={`${id}-value`}
        value={draft.value}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={valueProblem !== null}
        aria-describedby={valueProblem === null ? undefined : `${id}-value-problem`}
        onChange={(e) => {
          onChange({ ...draft, value: e.target.value });
        }}
      />
      {valueProblem !== null && (
        <p id={`${id}-value-problem`} className="field-problem">
          Value {valueProblem}.
        </p>
      )}
      {offerInsert && (
        <label className="write-form-insert">
          <input
            type="checkbox"
            checked={insert}
            onChange={(e) => {
              setInsert(e.target.checked);
            }}
          />
          Insert (fails if the key exists)
        </label>
      )}
      <button type="submit" className="button--primary">
        {offerInsert && insert ? 'Send insert' : 'Send write'}
      </button>
    </form>
  );
}
