// Help: what the app can and cannot tell you, the two kinds of back pain, the pain-monitoring
// rules and the load-spike finding it uses, the red flags with their triage, and the
// keyboard shortcuts. Written in our own words from the team's domain notes.
import { isDesktop } from '../../api/client';
import { IS_MAC } from '../../hooks/useShortcuts';
import { WarningSignLists } from '../insights/WarningSigns';
import { acceleratorLabel, comboLabel, SHORTCUTS } from './shortcuts';

function Keys({ labels }: { labels: string[] }) {
  return (
    <>
      {labels.map((label, i) => (
        <span key={label}>
          {i > 0 && <span className="muted"> or </span>}
          <kbd>{label}</kbd>
        </span>
      ))}
    </>
  );
}

export function ShortcutTable() {
  return (
    <table className="shortcuts">
      <caption className="visually-hidden">Keyboard shortcuts</caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Desktop app</th>
          <th scope="col">Browser mode</th>
        </tr>
      </thead>
      <tbody>
        {SHORTCUTS.map((s) => (
          <tr key={s.command}>
            <th scope="row">{s.action}</th>
            <td>{s.desktop ? <Keys labels={[acceleratorLabel(s.desktop, IS_MAC)]} /> : '—'}</td>
            <td>
              <Keys labels={s.browser.map((combo) => comboLabel(combo, IS_MAC))} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HelpView() {
  return (
    <section aria-labelledby="help-title" className="help">
      <h1 id="help-title">Help</h1>

      <aside className="help__disclaimer" aria-labelledby="help-disclaimer-title">
        <h2 id="help-disclaimer-title">This is not medical advice</h2>
        <p>
          Backstride is a training log and a mirror of your own numbers. It does not diagnose anything and it cannot
          tell you what is causing your pain. What it shows are patterns in your own log, which may or may not mean
          anything for you. If you are worried about your back, or anything on this page sounds like you, talk to a
          doctor or a physical therapist.
        </p>
      </aside>

      <div className="help__grid">
        <section aria-labelledby="help-kinds">
          <h2 id="help-kinds">Two kinds of back pain worth telling apart</h2>
          <dl className="help__kinds">
            <dt>Muscular</dt>
            <dd>
              Often on one side of the lower back, felt as tightness, pain or spasms, and worse when you twist or move.
              Many runners find that rolling out the muscles beside the spine with a back roller eases muscular
              tightness.
            </dd>
            <dt>Bone-like aching</dt>
            <dd>
              A deep, dull ache that can spread across the lower back, but not only that: a bone-stress injury of the
              spine or the sacrum (the bone at the base of the spine) often hurts in one spot on one side, is worse when
              you arch backwards or hop on one leg, and gets worse with running rather than easing as you warm up.
            </dd>
          </dl>
          <p>
            Each pain rating asks which kind it felt like, so you can see later whether one kind follows your runs. The
            two can feel alike, and these hints cannot tell them apart for sure. If pain keeps coming back after runs
            even though you do the exercises, or it feels bone-like, see a physical therapist or doctor. Whether imaging
            is needed is their call: an x-ray misses most stress injuries, and an MRI finds them, so a doctor may order
            one. Physical therapy is the usual next step when strengthening alone does not help.
          </p>
        </section>

        <section aria-labelledby="help-rules">
          <h2 id="help-rules">How much pain is acceptable while training</h2>
          <p>
            Backstride checks your ratings against a pain-monitoring model from sports medicine. It was tested by
            Silbernagel and colleagues in 2007 with people who kept training through Achilles tendon pain, and it is
            widely used for running injuries since:
          </p>
          <ol>
            <li>Pain during a run may reach up to 5 on the 0–10 scale.</li>
            <li>Pain after a run should have settled to its usual level by the next morning.</li>
            <li>Pain should not creep up from one week to the next.</li>
          </ol>
          <p>
            How Backstride reads these rules for back pain is its own reading, since the model was studied in Achilles
            tendon pain: a next-morning score counts as not settled when it is 2 or more points above the rating before
            the run, or above 5/10; weekly pain counts as creeping up when it rose two weeks in a row by more than 1
            point in all, as smaller moves happen by chance. When a rating breaks one of these rules, the day or week is
            flagged with the rule it broke. A flag is a reason to ease off and watch, not a diagnosis.
          </p>
          <p className="help__cite">
            Silbernagel KG et al. Continued sports activity, using a pain-monitoring model, during rehabilitation in
            patients with Achilles tendinopathy. American Journal of Sports Medicine, 2007.
          </p>
        </section>

        <section aria-labelledby="help-spikes">
          <h2 id="help-spikes">Long runs and load spikes</h2>
          <p>
            In a study following about 5,200 runners, a single run more than 10% longer than the longest run of the
            previous 30 days went with more overuse injuries. Comparing one week’s total with the next showed no such
            link in the same study, and the popular “no more than 10% more per week” rule has not held up in trials. So
            Backstride points out sudden long runs rather than judging weekly totals. It only compares a run with the
            previous 30 days when those days are inside your log and hold a run: the first 30 days of your log (or of a
            history you import) are not checked, since the runs before them are unknown, and neither is the first run
            after more than 30 days without running, which has nothing to compare with.
          </p>
          <p className="help__cite">Frandsen et al., British Journal of Sports Medicine, 2025.</p>
        </section>

        <section aria-labelledby="help-warning" className="help__warning">
          <h2 id="help-warning">Warning signs: when to get medical help</h2>
          <p>These need medical care, not more exercises. Backstride cannot spot them for you: only you can.</p>
          <WarningSignLists headingLevel={3} />
          <p>
            Back pain that stays at 3/10 or more for three weeks, whatever your core work, or that feels bone-like, is
            also worth showing to a physical therapist or doctor, even without these signs.
          </p>
        </section>

        <section aria-labelledby="help-numbers">
          <h2 id="help-numbers">What the numbers mean</h2>
          <p>
            The answer on the Insights screen compares each week’s back pain with the core sessions of the week before,
            allowing for the previous week’s pain, your running and a slow trend; the exploration below it adds
            correlations and a day-by-day comparison. All of them describe how the two move together in your own log,
            with how many weeks that rests on and how uncertain it is. They cannot show that one causes the other:
            runners skip core work on bad days, weeks carry over, and pain often eases on its own. Studies find
            core-stability work eases low-back pain in the short term, and structured exercise helps modestly overall;
            none was done with runners specifically.
          </p>
        </section>

        <section aria-labelledby="help-experiment">
          <h2 id="help-experiment">The core-work experiment: what it can and cannot tell</h2>
          <p>
            The insights show whether your back pain <em>moves with</em> your core work. A <b>core-work experiment</b>{' '}
            (Insights › Core-work experiment, or from Routine) asks the harder question: does core work <em>help</em>{' '}
            your back? It alternates periods of the routine every day with periods of your usual activity, in an order
            the app draws at random, and compares your back pain between them cycle by cycle.
          </p>
          <p>
            <b>What it can tell:</b> because the order was random, a clear difference (randomisation p below 0.05) is
            evidence that core work, done the way you did it, changed your back pain during the experiment rather than
            pain drifting on its own or you skipping core work on bad days. The interval says how big the change could
            plausibly be.
          </p>
          <p>
            <b>What it cannot tell:</b> it is about you, during those weeks, not about runners in general or about next
            year. It is not a diagnosis and does not say what causes your pain. “No clear difference” does not prove
            that core work does nothing: with fewer than 6 usable cycles no result can reach p &lt; 0.05, with exactly 6
            every cycle has to go the same way, and a small effect needs more cycles or longer periods. While the
            experiment runs, its figures are not yet a conclusion: watched day by day, a difference can cross p &lt;
            0.05 by chance, so only the result at the end counts; an abandoned experiment keeps its figures without a
            conclusion. You know which period you are in, so expectations can colour the ratings. And if the core
            periods were not kept, the result cannot speak for core work at all; it says so first.
          </p>
        </section>

        <section aria-labelledby="help-routine">
          <h2 id="help-routine">The guided routine</h2>
          <p>
            Open <b>Routine</b>, check the steps and doses, and press <b>Start routine</b>. Press <b>Start</b> for each
            step once you are in position; holds count down and a short sound marks the end (you can turn it off). For
            rep exercises press <b>Rep done</b> after each rep. <b>Skip</b> leaves a step out, <b>Back</b> redoes the
            previous one. When the last step is done, the session is logged with what you actually did; stopping
            part-way saves nothing.
          </p>
        </section>
      </div>

      <section aria-labelledby="help-keys" className="help__keys">
        <h2 id="help-keys">Keyboard shortcuts</h2>
        <p className="muted">
          {isDesktop
            ? 'The desktop app shows these in its menus too.'
            : 'You are using browser mode: use the keys in the last column; the browser keeps some Ctrl keys for itself.'}{' '}
          Everything else works with Tab, Shift+Tab, Enter, Space and the arrow keys.
        </p>
        <ShortcutTable />
      </section>
    </section>
  );
}
