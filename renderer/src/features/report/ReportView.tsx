// The Report screen: the report for a physiotherapist exactly as it will print (built by
// shared/report through the contract, the same HTML the command line writes), with the range,
// the questions box and warning signs kept in the report settings, and Save as PDF / Print.
import { useEffect, useId, useRef, useState } from 'react';
import { WARNING_SIGN_GROUPS } from '../../../../shared/insights/warningSigns';
import type { ReportSettings } from '../../../../shared/model';
import { localToday } from '../../../../shared/model';
import { paperForLocale } from '../../../../shared/report/paper';
import type { BuiltReport } from '../../../../shared/report';
import { api, isDesktop } from '../../api/client';
import { useAppData } from '../../hooks/useAppData';
import { adoptReportStyles } from './reportStyles';
import './report.css';

/** The red flags from the Help screen, most urgent first, as tickable lines. */
const WARNING_SIGNS: readonly string[] = WARNING_SIGN_GROUPS.flatMap((group) => group.signs);

const RANGE_LABELS: Record<ReportSettings['range'], string> = {
  '4w': 'Last 4 weeks',
  '8w': 'Last 8 weeks',
  '12w': 'Last 12 weeks',
  custom: 'Custom dates',
};

type Query = { weeks: number } | { from: string; to: string };

function queryFor(report: ReportSettings, today: string): Query | string {
  if (report.range !== 'custom') return { weeks: Number(report.range.slice(0, -1)) };
  if (!report.from || !report.to) return 'Choose both dates.';
  return { from: report.from, to: report.to <= today ? report.to : today };
}

export function ReportView() {
  const { settings, updateSettings, revision } = useAppData();
  const report = settings.report;
  const today = localToday();
  const [built, setBuilt] = useState<BuiltReport>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [questions, setQuestions] = useState(report.questions);
  const questionsId = useId();
  const saveTimer = useRef<number | undefined>(undefined);

  useEffect(() => {
    adoptReportStyles();
    // The print stylesheet shows only the report while this screen is open.
    document.body.classList.add('report-open');
    return () => document.body.classList.remove('report-open');
  }, []);

  const query = queryFor(report, today);
  const queryKey = JSON.stringify(query);
  const rangeProblem = typeof query === 'string' ? query : undefined;
  useEffect(() => {
    let cancelled = false;
    const q = JSON.parse(queryKey) as Query | string;
    if (typeof q === 'string') return;
    api.report
      .build(q)
      .then((value) => {
        if (cancelled) return;
        setBuilt(value);
        setError(undefined);
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [
    queryKey,
    revision,
    settings.name,
    settings.distanceUnit,
    settings.weekStartsOn,
    report.questions,
    report.warningSigns,
  ]);

  const saveReport = (patch: Partial<ReportSettings>) =>
    updateSettings({ report: patch }).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));

  // Typing is saved half a second after the last key (and when the box loses focus).
  const saveQuestions = (text: string) => {
    window.clearTimeout(saveTimer.current);
    if (text !== report.questions) void saveReport({ questions: text });
  };
  useEffect(() => () => window.clearTimeout(saveTimer.current), []);

  const savePdf = async () => {
    if (!built) return;
    try {
      const saved = await api.report.savePdf({
        fileName: `${built.fileStem}.pdf`,
        paper: paperForLocale(navigator.language),
      });
      setStatus(saved.path ? `Saved the report to ${saved.path}` : undefined);
    } catch (e) {
      setStatus(`Could not save the PDF: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section aria-labelledby="report-title" className="report-view">
      <div className="report-controls">
        <div className="section-header">
          <h1 id="report-title">Report for your physio</h1>
          <div className="report-controls__actions">
            {isDesktop && (
              <button type="button" className="primary" disabled={!built} onClick={() => void savePdf()}>
                Save as PDF
              </button>
            )}
            <button
              type="button"
              className={isDesktop ? '' : 'primary'}
              disabled={!built}
              onClick={() => window.print()}
            >
              Print
            </button>
          </div>
        </div>
        <p className="muted">
          One or two pages to take to a physiotherapist or doctor: your weeks, pain, core work and flags, from the same
          numbers as Insights. {isDesktop ? '' : "To save a PDF, press Print and choose 'Save as PDF' as the printer."}
        </p>
        <div className="report-controls__grid">
          <fieldset className="choice-group">
            <legend>Weeks</legend>
            {(Object.keys(RANGE_LABELS) as Array<ReportSettings['range']>).map((range) => (
              <label key={range} className="choice">
                <input
                  type="radio"
                  name="report-range"
                  checked={report.range === range}
                  onChange={() =>
                    void saveReport(
                      range === 'custom' && !report.from ? { range, from: weekAgo(today, 12), to: today } : { range },
                    )
                  }
                />
                {RANGE_LABELS[range]}
              </label>
            ))}
          </fieldset>
          {report.range === 'custom' && (
            <div className="report-controls__dates">
              {(['from', 'to'] as const).map((end) => (
                <div key={end} className="field">
                  <label htmlFor={`report-${end}`}>{end === 'from' ? 'From' : 'To'}</label>
                  <input
                    id={`report-${end}`}
                    type="date"
                    max={today}
                    value={report[end] ?? ''}
                    onChange={(e) => e.target.value && void saveReport({ [end]: e.target.value })}
                  />
                </div>
              ))}
            </div>
          )}
          <div className="field report-controls__questions">
            <label htmlFor={questionsId}>Questions for my physio</label>
            <textarea
              id={questionsId}
              rows={4}
              maxLength={5000}
              value={questions}
              aria-describedby={`${questionsId}-hint`}
              onChange={(e) => {
                const text = e.target.value;
                setQuestions(text);
                window.clearTimeout(saveTimer.current);
                saveTimer.current = window.setTimeout(() => saveQuestions(text), 500);
              }}
              onBlur={(e) => saveQuestions(e.target.value)}
            />
            <span id={`${questionsId}-hint`} className="muted">
              Printed on the report. Kept with the report settings, not in your log.
            </span>
          </div>
          <fieldset className="choice-group choice-group--stacked report-controls__signs">
            <legend>Warning signs to mention (if you have noticed any)</legend>
            {WARNING_SIGNS.map((sign) => (
              <label key={sign} className="choice">
                <input
                  type="checkbox"
                  checked={report.warningSigns.includes(sign)}
                  onChange={(e) =>
                    void saveReport({
                      warningSigns: e.target.checked
                        ? [...report.warningSigns, sign]
                        : report.warningSigns.filter((s) => s !== sign),
                    })
                  }
                />
                {sign}
              </label>
            ))}
          </fieldset>
        </div>
        {settings.name === '' && (
          <p className="muted">To print your name at the top, add it under Settings › Name on reports.</p>
        )}
        {(error ?? rangeProblem) && (
          <p role="alert" className="form-error">
            {error ?? rangeProblem}
          </p>
        )}
        <p role="status" className="muted">
          {status}
        </p>
      </div>
      {built && (
        // The HTML comes from shared/report, which escapes every text it is given.
        <div className="report-paper" dangerouslySetInnerHTML={{ __html: built.html }} />
      )}
    </section>
  );
}

function weekAgo(today: string, weeks: number): string {
  const d = new Date(`${today}T12:00:00`);
  d.setDate(d.getDate() - 7 * weeks + 1);
  return localToday(d);
}
