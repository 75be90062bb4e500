/**
 * View options in the query string (`?theme=dark&chrome=minimal`): how the lab looks and starts,
 * never what it simulates (that is the hash's run). A host page can change them without
 * re-encoding the run. One bad option is reported and replaced by its default; the rest still apply.
 */
import { z } from '../../store/zod.ts';
import {
  MAX_SPEED,
  MIN_SPEED,
  isPresetName,
  type PresetName,
  type ThemeSetting,
  type VocabularyName,
} from '../../store/index.ts';
import { parseOriginList } from '../embed/originList.ts';

export type Chrome = 'full' | 'minimal' | 'none';

export interface ViewOptions {
  readonly theme?: ThemeSetting;
  readonly terms?: VocabularyName;
  readonly speed?: number;
  readonly present: boolean;
  /** full: every control; minimal: playback only; none: the graph alone (with a pause while playing). */
  readonly chrome: Chrome;
  readonly controls: boolean;
  /** Play at once; undefined leaves it to the route (the lab plays, the embed and links wait). */
  readonly autoplay?: boolean;
  readonly lesson?: string;
  readonly preset?: PresetName;
  readonly table: boolean;
  /**
   * The valid origins of `?origin=`, allowed to drive the embed by postMessage (exact match) instead of
   * the embedding page's; absent without `?origin=`, empty when it lists no valid origin (trust nobody).
   */
  readonly origins?: readonly string[];
}

const flag = z.pipe(
  z.enum(['0', '1', 'true', 'false']),
  z.transform((v) => v === '1' || v === 'true'),
);
const PARAMS = {
  theme: z.enum(['light', 'dark', 'system']),
  terms: z.enum(['master-slave', 'primary-replica', 'leader-follower']),
  speed: z.coerce.number().check(z.minimum(MIN_SPEED), z.maximum(MAX_SPEED)),
  mode: z.enum(['present', 'normal']),
  chrome: z.enum(['full', 'minimal', 'none']),
  controls: flag,
  autoplay: flag,
  lesson: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, 'expected a lesson id such as "failover"')),
  preset: z.string().check(z.refine(isPresetName, 'expected one of the topology presets')),
  table: flag,
} as const;
type Param = keyof typeof PARAMS;

/** Reads the query; `lessons` lists the lesson ids this build knows. */
export function parseViewOptions(
  search: string,
  lessons: readonly string[] = [],
): { readonly options: ViewOptions; readonly problems: readonly string[] } {
  const query = new URLSearchParams(search);
  const problems: string[] = [];
  const read = <P extends Param>(name: P): z.output<(typeof PARAMS)[P]> | undefined => {
    const raw = query.get(name);
    if (raw === null) return undefined;
    const parsed = PARAMS[name].safeParse(raw);
    if (parsed.success) return parsed.data as z.output<(typeof PARAMS)[P]>;
    problems.push(`?${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}; ignored`);
    return undefined;
  };
  const theme = read('theme');
  const terms = read('terms');
  const speed = read('speed');
  const autoplay = read('autoplay');
  const preset = read('preset');
  // Each entry on its own: one malformed origin must not drop the list (and trust the framing page).
  const originParam = query.get('origin');
  const listed = originParam === null ? undefined : parseOriginList(originParam);
  let lesson = read('lesson');
  if (lesson !== undefined && !lessons.includes(lesson)) {
    problems.push(`?lesson: there is no lesson "${lesson}"; the lab opened without one`);
    lesson = undefined;
  }
  if (listed !== undefined) problems.push(...listed.problems);
  return {
    options: {
      ...(theme === undefined ? {} : { theme }),
      ...(terms === undefined ? {} : { terms }),
      ...(speed === undefined ? {} : { speed }),
      ...(autoplay === undefined ? {} : { autoplay }),
      ...(lesson === undefined ? {} : { lesson }),
      ...(preset === undefined || !isPresetName(preset) ? {} : { preset }),
      present: read('mode') === 'present',
      chrome: read('chrome') ?? 'full',
      controls: read('controls') ?? true,
      table: read('table') ?? false,
      ...(listed === undefined ? {} : { origins: listed.origins }),
    },
    problems,
  };
}

/** What the Share dialog can set, written back as a query string (defaults left out). */
export interface ShareView {
  readonly theme: ThemeSetting;
  readonly terms: VocabularyName;
  readonly speed: number;
  readonly chrome: Chrome;
  readonly controls: boolean;
  readonly autoplay: boolean;
  readonly present: boolean;
}

export function viewQuery(view: Partial<ShareView>): string {
  const query = new URLSearchParams();
  if (view.theme !== undefined && view.theme !== 'system') query.set('theme', view.theme);
  if (view.terms !== undefined && view.terms !== 'master-slave') query.set('terms', view.terms);
  if (view.speed !== undefined && view.speed !== 1) query.set('speed', String(view.speed));
  if (view.present === true) query.set('mode', 'present');
  if (view.chrome !== undefined && view.chrome !== 'full') query.set('chrome', view.chrome);
  if (view.controls === false) query.set('controls', '0');
  if (view.autoplay === true) query.set('autoplay', '1');
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}
