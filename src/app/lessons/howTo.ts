/** How to do a lesson action with the lab's controls, in words, for the learner's to-do list. */
import type { Vocabulary } from '../../view/vocabulary.ts';
import { describeAction, settingsWords } from './actions.ts';
import { isolated, learnerCan, modeOnly } from './steps.ts';
import type { LessonAction } from './types.ts';

const MODE_WORDS: Readonly<Record<string, string>> = {
  async: 'asynchronous',
  sync: 'synchronous',
  'semi-sync': 'semi-synchronous',
  scheduled: 'scheduled',
};

/** How to do `action` with the lab's controls, or null when a learner cannot. */
function controls(action: LessonAction): string | null {
  switch (action.do) {
    case 'write':
      return `click ${action.node}, choose Write here…, and enter key ${action.key}, value ${action.value}`;
    case 'read':
      return `click ${action.node} and choose Read here (it reads the last key written)`;
    case 'kill':
    case 'restart':
    case 'promote':
      return `click ${action.node} and choose ${action.do.charAt(0).toUpperCase()}${action.do.slice(1)}`;
    case 'takeBackup':
      return `click ${action.node} and choose Take backup`;
    case 'addReplica':
      return `click ${action.node} and choose Add replica`;
    case 'restoreBackup':
      return 'in the Backups panel, choose Restore as new node';
    case 'repoint':
      return `click ${action.node}, choose Re-point…, and pick ${action.upstream}`;
    case 'partition':
      return `click ${isolated(action.groups) ?? ''} and choose Isolate`;
    case 'heal':
      return 'click any node and choose Heal';
    default:
      return null;
  }
}

/**
 * The action and how to do it in the lab ("Kill db1: click db1 and choose Kill"); null when a learner
 * cannot do it.
 */
export function howTo(action: LessonAction, words: Vocabulary): string | null {
  if (!learnerCan(action)) return null;
  if (action.do === 'changeSettings')
    return `Set ${settingsWords(action.settings)}: open Settings and change the values there`;
  if (action.do === 'configure') {
    const mode = modeOnly(action.settings) ?? '';
    return `Switch to ${MODE_WORDS[mode] ?? mode} replication: open Settings and choose it under Replication mode`;
  }
  const what = describeAction(action, words);
  return `${what.charAt(0).toUpperCase()}${what.slice(1)}: ${controls(action) ?? ''}`;
}
