/**
 * The Share dialog's body: a link that reopens this exact run, the embed snippet with a live preview,
 * pictures (SVG, PNG) and the scenario file. A modal <dialog>: focus moves in, Escape closes,
 * focus returns to the Share button.
 */
import { useId, useState, type RefObject } from 'react';
import { useLabStore, useLabStoreApi, type RunRecord, type ThemeSetting } from '../../store/index.ts';
import { formatSimTime } from '../../view/simTime.ts';
import { SelectField } from '../../view/panels/settings/SelectField.tsx';
import { buildSvg, download, fileStem, svgToPng } from '../export/exportGraph.ts';
import { useModalDialog } from '../useModalDialog.ts';
import { CopyButton } from './CopyButton.tsx';
import { LONG_LINK_CHARS, linkProblems } from './linkCodec.ts';
import { fileProblems, parseRunFile, runFileText } from './scenarioFile.ts';
import { embedSnippet, shareUrl } from './shareUrl.ts';
import type { Chrome } from './viewOptions.ts';
import { ReplayBanner } from './ReplayBanner.tsx';
import { LessonShare } from '../lessons/LessonShare.tsx';
import { useWords } from '../../view/vocabulary.ts';
import { currentSession, type CompareSession } from '../compare/compareMode.ts';
import './share.css';

const THEMES: readonly (readonly [ThemeSetting, string])[] = [
  ['system', 'Follow the reader (system)'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];
const CHROMES: readonly (readonly [Chrome, string])[] = [
  ['full', 'Full: every control'],
  ['minimal', 'Minimal: play, step and the graph'],
  ['none', 'None: the graph alone'],
];

/** Why neither a link nor a file of this run would open, when that is so: said before either is offered. */
function Refused({
  id,
  link,
  file,
}: {
  readonly id: string;
  readonly link: readonly string[];
  readonly file: readonly string[];
}) {
  return (
    <div id={id} className="share-refused" role="alert">
      <p>
        <strong>This link would not open:</strong> the lab refuses the run it carries.
      </p>
      <ul>
        {link.map((problem, i) => (
          <li key={`${i}:${problem}`}>{problem}</li>
        ))}
      </ul>
      <p>
        {file.length === 0
          ? 'Download the scenario file below instead: it carries the whole run, and Import scenario file opens it.'
          : 'The scenario file would not load either. Reset the lab (or load a preset) and share a shorter run.'}
      </p>
    </div>
  );
}

function EmbedSection({
  run,
  title,
  refused,
  extraHash,
}: {
  readonly run: RunRecord;
  readonly title: string;
  readonly refused: boolean;
  /** What the link adds after the run (a comparison's side B). */
  readonly extraHash: string;
}) {
  const [theme, setTheme] = useState<ThemeSetting>('system');
  const [chrome, setChrome] = useState<Chrome>('full');
  const [autoplay, setAutoplay] = useState(false);
  const id = useId();
  const url = `${shareUrl(window.location.origin, run, { theme, chrome, autoplay }, '/embed')}${extraHash}`;
  const snippet = embedSnippet(url, title);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Embed</h3>
      <div className="share-options">
        <SelectField label="Theme" value={theme} options={THEMES} onChange={setTheme} />
        <SelectField label="Controls" value={chrome} options={CHROMES} onChange={setChrome} />
        <label className="share-check">
          <input
            type="checkbox"
            checked={autoplay}
            onChange={(e) => {
              setAutoplay(e.target.checked);
            }}
          />
          Play on load (a Pause button stays visible)
        </label>
      </div>
      {refused && (
        <p id={`${id}-refused`} className="hint share-warn">
          The embed code carries the same run as the link above, so it would not open either.
        </p>
      )}
      <label htmlFor={`${id}-code`}>Embed code</label>
      <textarea
        id={`${id}-code`}
        className="share-code"
        readOnly
        rows={4}
        value={snippet}
        aria-invalid={refused}
        aria-describedby={refused ? `${id}-refused` : undefined}
      />
      <div className="share-row">
        <CopyButton text={snippet} label="Copy embed code" />
      </div>
      <p className="hint">Preview (640 × 400, as a docs page shows it):</p>
      <div className="share-preview">
        <iframe src={url} title="Embed preview" width={640} height={400} loading="lazy" />
      </div>
    </section>
  );
}

function ImportFile() {
  const store = useLabStoreApi();
  const id = useId();
  const [message, setMessage] = useState('');
  return (
    <span className="share-import">
      <label htmlFor={id}>Import scenario file</label>
      <input
        id={id}
        type="file"
        accept="application/json,.json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file === undefined) return;
          void file.text().then((text) => {
            const parsed = parseRunFile(text);
            const { actions } = store.getState();
            if (!parsed.ok) {
              actions.showLoadReport({
                title: `${file.name} could not be loaded.`,
                problems: parsed.problems,
              });
              setMessage(`${file.name} could not be loaded: see the problems above the graph.`);
              return;
            }
            setMessage(`Replaying ${file.name}…`);
            void actions.loadRun(parsed.value, `Loaded ${file.name}.`).then((loaded) => {
              setMessage(loaded ? `Loaded ${file.name}.` : `${file.name} was not loaded.`);
              // What the file held that was left out (a bad `at`), once the load has cleared the banner.
              if (loaded && parsed.ignored !== undefined)
                actions.showLoadReport({
                  title: `Some of ${file.name} was ignored.`,
                  problems: parsed.ignored,
                });
            });
          });
        }}
      />
      <span role="status" className="copy-status">
        {message}
      </span>
      {/* The dialog is modal: a long replay's progress and Cancel show here too. */}
      <ReplayBanner />
    </span>
  );
}

function ShareContent({
  root,
  compare,
}: {
  readonly root: RefObject<HTMLElement | null>;
  readonly compare: CompareSession | null;
}) {
  const store = useLabStoreApi();
  const words = useWords();
  // A comparison's link and embed carry side B's run too (as A's, checked the same way when opened).
  const [extraHash] = useState(() => (compare === null ? '' : compare.hash()));
  // The run as it stands when the dialog opens (the simulation pauses while it is open), and what
  // would stop its link or file from opening: the same checks as opening them.
  const [{ run, refused }] = useState(() => {
    const current = store.getState().actions.currentRun();
    return { run: current, refused: { link: linkProblems(current), file: fileProblems(current) } };
  });
  const name = useLabStore((s) => s.scenarioName);
  const theme = useLabStore((s) => s.theme);
  const vocabulary = useLabStore((s) => s.vocabulary);
  const presenting = useLabStore((s) => s.presenting);
  const [problem, setProblem] = useState('');
  const [reviewProblem, setReviewProblem] = useState('');
  const id = useId();
  const link = `${shareUrl(window.location.origin, run, { theme, terms: vocabulary, present: presenting }, '/')}${extraHash}`;
  const title = `Replication Lab: ${compare === null ? name : `comparison, ${name}`}`;
  // The instant on screen: the link, the file and the pictures show it (the past, when the lab shows it).
  const shown = run.at ?? run.time;
  const stem = fileStem(name, shown);
  const picture = () => {
    if (root.current === null) throw new Error('the lab is not on screen');
    const heading = `${name} at ${formatSimTime(shown)}`;
    if (compare !== null) return compare.picture(root.current, heading, link, words);
    return buildSvg(root.current, heading, link);
  };
  /** The space-time diagram over the window it shows (or would show, were it open). */
  const diagram = async () => {
    if (root.current === null) throw new Error('the lab is not on screen');
    const { diagramSvg } = await import('../../view/spacetime/exportDiagram.ts');
    const width = Math.max(640, Math.round(root.current.getBoundingClientRect().width * 0.7));
    return diagramSvg(store.getState(), {
      width,
      title: `${name}: space-time diagram at ${formatSimTime(shown)}`,
      link,
      within: root.current,
    });
  };
  const exporting =
    (work: () => Promise<void> | void, report: (text: string) => void = setProblem) =>
    () => {
      report('');
      Promise.resolve()
        .then(work)
        .catch((error: unknown) => {
          report(`Export failed: ${error instanceof Error ? error.message : String(error)}.`);
        });
    };
  return (
    <>
      {/* The lesson open, if any: its own link and embed code, at the step shown. */}
      <LessonShare />
      <p className="hint">
        Everything below reproduces this run exactly as it stands at {formatSimTime(shown)}
        {run.at === undefined ? '' : ` (it goes on to ${formatSimTime(run.time)})`}: the same scenario, seed
        and actions, so the same events.
      </p>
      <section aria-labelledby={`${id}-link`}>
        <h3 id={`${id}-link`}>Link</h3>
        {refused.link.length > 0 && <Refused id={`${id}-refused`} link={refused.link} file={refused.file} />}
        <label htmlFor={`${id}-url`}>Share link</label>
        <input
          id={`${id}-url`}
          className="share-url"
          readOnly
          value={link}
          aria-invalid={refused.link.length > 0}
          aria-describedby={refused.link.length > 0 ? `${id}-refused` : undefined}
        />
        <div className="share-row">
          <CopyButton text={link} label="Copy link" />
        </div>
        {refused.link.length === 0 && link.length > LONG_LINK_CHARS && (
          <p className="hint share-warn">
            This link is {link.length} characters long; some chat and mail tools cut long links. Download the
            scenario file below as well.
          </p>
        )}
      </section>
      <EmbedSection run={run} title={title} refused={refused.link.length > 0} extraHash={extraHash} />
      <section aria-labelledby={`${id}-pic`}>
        <h3 id={`${id}-pic`}>Picture</h3>
        <div className="share-row">
          <button
            type="button"
            onClick={exporting(() => {
              download(new Blob([picture().text], { type: 'image/svg+xml' }), `${stem}.svg`);
            })}
          >
            Download SVG
          </button>
          <button
            type="button"
            onClick={exporting(async () => {
              download(await svgToPng(picture()), `${stem}.png`);
            })}
          >
            Download PNG
          </button>
        </div>
        <div className="share-row">
          <button
            type="button"
            onClick={exporting(async () => {
              download(
                new Blob([(await diagram()).text], { type: 'image/svg+xml' }),
                `${stem}-space-time.svg`,
              );
            })}
          >
            Space-time diagram SVG
          </button>
          <button
            type="button"
            onClick={exporting(async () => {
              download(await svgToPng(await diagram()), `${stem}-space-time.png`);
            })}
          >
            Space-time diagram PNG
          </button>
        </div>
        <p role="status" className="share-warn">
          {problem}
        </p>
      </section>
      <section aria-labelledby={`${id}-review`}>
        <h3 id={`${id}-review`}>Review</h3>
        <p className="hint">
          One HTML file for a design document: the scenario in words, the graph, the metrics and charts,
          failovers, lost writes, conflicts, what the consistency checker found
          {compare === null ? '' : ', both sides and their differences'}, and this link. It works offline.
        </p>
        <div className="share-row">
          <button
            type="button"
            onClick={exporting(async () => {
              if (root.current === null) throw new Error('the lab is not on screen');
              const { buildReview } = await import('../review/exportReview.ts');
              const text = await buildReview({
                root: root.current,
                store,
                compare,
                title: `${title} at ${formatSimTime(shown)}`,
                shownAt: shown,
                link,
              });
              download(new Blob([text], { type: 'text/html' }), `${stem}-review.html`);
            }, setReviewProblem)}
          >
            Export review
          </button>
        </div>
        <p role="status" className="share-warn">
          {reviewProblem}
        </p>
      </section>
      <section aria-labelledby={`${id}-file`}>
        <h3 id={`${id}-file`}>Scenario file</h3>
        <div className="share-row">
          <button
            type="button"
            onClick={() => {
              download(new Blob([runFileText(run)], { type: 'application/json' }), `${stem}.json`);
            }}
          >
            Download scenario JSON
          </button>
          <ImportFile />
        </div>
        {refused.file.length > 0 && (
          <ul className="hint share-warn" aria-label="Why the scenario file would not load">
            {refused.file.map((problem, i) => (
              <li key={`${i}:${problem}`}>{problem}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function ShareDialogBody({ root }: { readonly root: RefObject<HTMLElement | null> }) {
  const open = useLabStore((s) => s.shareOpen);
  const setOpen = useLabStore((s) => s.setShareOpen);
  const pause = useLabStore((s) => s.actions.pause);
  const modal = useModalDialog(open, setOpen, pause);
  return (
    <dialog {...modal} className="share-dialog" aria-labelledby="share-title">
      <div className="share-header">
        <h2 id="share-title">Share this run</h2>
        <form method="dialog">
          <button type="submit" aria-label="Close">
            ✕
          </button>
        </form>
      </div>
      {/* Compare mode, when open: the link and embed reopen the comparison, the picture shows both sides. */}
      {open && <ShareContent root={root} compare={currentSession()} />}
    </dialog>
  );
}
