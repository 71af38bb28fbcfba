// The report's flags grouped by the day they apply to, for the journal's day headings.
// Re-read whenever the log (revision) or the week-start setting changes.
import { useEffect, useState } from 'react';
import type { Flag } from '../../../../shared/insights/types';
import { api } from '../../api/client';
import { useAppData } from '../../hooks/useAppData';
import { SCREEN_LOCALE } from './format';

export function useFlagsByDay(): ReadonlyMap<string, Flag[]> {
  const { revision, settings } = useAppData();
  const [byDay, setByDay] = useState<ReadonlyMap<string, Flag[]>>(new Map());
  useEffect(() => {
    let cancelled = false;
    api.insights
      .get({ locale: SCREEN_LOCALE })
      .then((report) => {
        if (cancelled) return;
        const map = new Map<string, Flag[]>();
        for (const flag of report.flags) {
          const list = map.get(flag.date);
          if (list) list.push(flag);
          else map.set(flag.date, [flag]);
        }
        setByDay(map);
      })
      // Flags are extra information: the journal works without them.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [revision, settings.weekStartsOn, settings.distanceUnit]);
  return byDay;
}
