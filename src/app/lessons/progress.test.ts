import { describe, expect, it } from 'vitest';
import { createLab } from '../../store/index.ts';
import { lessonStoreFor } from './lessonStore.ts';
import { lessonMoves } from './lessonState.ts';
import { lessonById } from './lessons.ts';
import {
  PROGRESS_KEY,
  clearProgress,
  keepProgress,
  progressText,
  readProgress,
  type ProgressStorage,
} from './progress.ts';
import type { Lesson } from './types.ts';

/** A Storage kept in a Map; `refuse` makes every write throw, as a full or disabled storage does. */
function memoryStorage(refuse = false): ProgressStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      if (refuse) throw new Error('QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

const played = (storage: ProgressStorage) => {
  const lab = createLab({ preset: 'master-slave', playing: false });
  const store = lessonStoreFor(lab);
  const stop = keepProgress(store, storage);
  return { lab, store, moves: lessonMoves(lab, store), stop };
};

describe('lesson progress kept in the browser', () => {
  it('records a lesson started, its predictions, and its finish', () => {
    const storage = memoryStorage();
    const { moves, store } = played(storage);
    const lesson = lessonById('master-down') as Lesson;
    moves.start(lesson);
    expect(readProgress(storage)).toEqual({
      'master-down': { started: true, finished: false, answers: {} },
    });
    moves.showMe();
    moves.answer(0);
    expect(readProgress(storage)['master-down']?.answers).toEqual({ '2': false });
    expect(progressText(readProgress(storage)['master-down'], 1)).toBe('Started · 0 of 1 prediction right');
    moves.next();
    // Show me, or Next, to the end.
    for (let i = 0; i < 10 && store.getState().open !== null; i++) {
      moves.showMe();
      moves.next();
    }
    expect(store.getState().open).toBeNull();
    expect(readProgress(storage)['master-down']).toEqual({
      started: true,
      finished: true,
      answers: { '2': false },
    });
    expect(progressText(readProgress(storage)['master-down'], 1)).toBe('Finished · 0 of 1 prediction right');
  });

  it('counts the lesson already open when it starts keeping (the panel starts it as one opens)', () => {
    const storage = memoryStorage();
    const lab = createLab({ preset: 'master-slave', playing: false });
    const store = lessonStoreFor(lab);
    lessonMoves(lab, store).start(lessonById('lag') as Lesson);
    keepProgress(store, storage);
    expect(readProgress(storage)).toEqual({ lag: { started: true, finished: false, answers: {} } });
  });

  it('keeps no lesson of the reader’s own (its id may be a built-in one’s)', () => {
    const storage = memoryStorage();
    const { moves } = played(storage);
    moves.start(lessonById('basics') as Lesson, 0, true);
    expect(storage.items.size).toBe(0);
  });

  it('clears, and reads damaged or foreign data as no progress', () => {
    const storage = memoryStorage();
    storage.setItem(PROGRESS_KEY, JSON.stringify({ v: 1, lessons: { basics: { started: true } } }));
    expect(readProgress(storage)).toEqual({ basics: { started: true, finished: false, answers: {} } });
    clearProgress(storage);
    expect(readProgress(storage)).toEqual({});
    storage.setItem(PROGRESS_KEY, '{not json');
    expect(readProgress(storage)).toEqual({});
    storage.setItem(PROGRESS_KEY, JSON.stringify({ v: 9, lessons: { basics: { started: true } } }));
    expect(readProgress(storage)).toEqual({});
    storage.setItem(
      PROGRESS_KEY,
      JSON.stringify({
        v: 1,
        lessons: { '<b>': { started: true }, lag: { answers: { '2': 'yes', x: true } } },
      }),
    );
    expect(readProgress(storage)).toEqual({ lag: { started: false, finished: false, answers: {} } });
    expect(readProgress(null)).toEqual({});
  });

  it('never throws when storage refuses to keep it', () => {
    const storage = memoryStorage(true);
    const { moves } = played(storage);
    expect(() => {
      moves.start(lessonById('basics') as Lesson);
    }).not.toThrow();
    expect(readProgress(storage)).toEqual({});
  });

  it('says nothing of a lesson not started', () => {
    expect(progressText(undefined, 2)).toBeNull();
    expect(progressText({ started: true, finished: false, answers: {} }, 0)).toBe('Started');
    expect(progressText({ started: true, finished: true, answers: { '1': true, '3': true } }, 3)).toBe(
      'Finished · 2 of 3 predictions right',
    );
  });
});
