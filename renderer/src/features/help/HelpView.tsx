// Help: what the app can and cannot tell you, the two kinds of back pain, the pain-monitoring
// rules and the load-spike finding it uses, warning signs that need a doctor soon, and the
// keyboard shortcuts. Written in our own words from the team's domain notes.
import { isDesktop } from '../../api/client';
import { IS_MAC } from '../../hooks/useShortcuts';
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
              Usually on one side of the lower back, felt as pain or spasms, and worse when you twist or move. Rolling
              out the muscles beside the spine with a back roller can ease it.
            </dd>
            <dt>Bone-like aching</dt>
            <dd>A general, dull ache across the whole lower back rather than one spot.</dd>
          </dl>
          <p>
            Each pain rating asks which kind it felt like, so you can see later whether one kind follows your runs. If
            pain keeps coming back after runs even though you do the exercises, find out which kind it is and see a
            professional: an x-ray or other imaging can help find the cause, and physical therapy is the usual next step
            when strengthening alone does not help.
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
            When a rating breaks one of these rules, the day or week is flagged with the rule it broke. A flag is a
            reason to ease off and watch, not a diagnosis.
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
            Backstride points out sudden long runs rather than judging weekly totals.
          </p>
          <p className="help__cite">Frandsen et al., British Journal of Sports Medicine, 2025.</p>
        </section>

        <section aria-labelledby="help-warning" className="help__warning">
          <h2 id="help-warning">Warning signs: get medical help promptly</h2>
          <p>Back pain together with any of these needs a doctor soon, not more exercises:</p>
          <ul>
            <li>numbness or tingling around the groin, genitals or buttocks</li>
            <li>new trouble controlling your bladder or bowel</li>
            <li>weakness in one or both legs, or a foot that drags</li>
            <li>fever, or feeling generally unwell, with the back pain</li>
            <li>pain that started after a fall, accident or other injury</li>
            <li>weight loss you cannot explain</li>
            <li>constant pain that does not ease with rest and is there at night</li>
          </ul>
          <p>
            Back pain that lasts several weeks despite regular core work, or that feels bone-like, is also worth showing
            to a physical therapist or doctor, even without these signs.
          </p>
        </section>

        <section aria-labelledby="help-numbers">
          <h2 id="help-numbers">What the numbers mean</h2>
          <p>
            Insights compare weeks with more core sessions to your back pain in the same week and one or two weeks
            later. They describe how the two move together in your own log, with how many weeks that rests on and how
            uncertain it is. They cannot show that one causes the other. Studies find core-stability work eases low-back
            pain in the short term, and structured exercise helps modestly overall; none was done with runners
            specifically.
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
            that core work does nothing: with fewer than 6 usable cycles no result can reach p &lt; 0.05, and a small
            effect needs more cycles. You know which period you are in, so expectations can colour the ratings. And if
            the core periods were not kept, the result cannot speak for core work at all; it says so first.
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
