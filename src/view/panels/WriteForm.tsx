/** The client write form: a key and a value, sent to one node. */
import { useId, type SyntheticEvent } from 'react';

export interface Draft {
  readonly key: string;
  readonly value: string;
}

interface Props {
  readonly nodeId: string;
  readonly draft: Draft;
  readonly onChange: (draft: Draft) => void;
  readonly onSubmit: () => void;
}

export function WriteForm({ nodeId, draft, onChange, onSubmit }: Props) {
  const id = useId();
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="write-form" aria-label={`Write to ${nodeId}`} onSubmit={submit}>
      <label htmlFor={`${id}-key`}>Key</label>
      <input
        id={`${id}-key`}
        value={draft.key}
        required
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          onChange({ ...draft, key: e.target.value });
        }}
      />
      <label htmlFor={`${id}-value`}>Value</label>
      <input
        id={`${id}-value`}
        value={draft.value}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          onChange({ ...draft, value: e.target.value });
        }}
      />
      <button type="submit" className="button--primary">
        Send write
      </button>
    </form>
  );
}
