// Distance per shoe, week by week: the last eight weeks, newest first, in the user's unit. The
// runs' shoe names are grouped as the shoe list groups them (case and spaces aside).
import { useId } from 'react';
import type { ShoeDistanceWeeks } from '../../../../shared/insights/charts';
import { toDisplayDistance, type DistanceUnit } from '../../../../shared/units';
import { formatDate } from './format';

const WEEKS_SHOWN = 8;

export function ShoeDistanceCard({ shoeDistance, unit }: { shoeDistance: ShoeDistanceWeeks; unit: DistanceUnit }) {
  const headingId = useId();
  if (shoeDistance.shoes.length === 0) return null;
  const weeks = shoeDistance.weeks.slice(-WEEKS_SHOWN).reverse();
  const showNoShoe = weeks.some((week) => week.noShoeKm > 0);
  const distance = (km: number) => (km === 0 ? '–' : toDisplayDistance(km, unit).toFixed(1));
  return (
    <section className="insight-card" aria-labelledby={headingId}>
      <h2 id={headingId}>Distance per shoe</h2>
      <p className="insight-card__note">
        {unit} run in each shoe in the last {WEEKS_SHOWN} weeks, newest first. The shoe list in Settings has each shoe’s
        total.
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Distance per shoe by week, in {unit}</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              {shoeDistance.shoes.map((shoe) => (
                <th scope="col" key={shoe}>
                  {shoe}
                </th>
              ))}
              {showNoShoe && <th scope="col">No shoe</th>}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, i) => (
              <tr key={week.weekStart}>
                <th scope="row">
                  {formatDate(week.weekStart)}
                  {i === 0 ? ' (this week so far)' : ''}
                </th>
                {week.km.map((km, s) => (
                  <td key={shoeDistance.shoes[s]}>{distance(km)}</td>
                ))}
                {showNoShoe && <td>{distance(week.noShoeKm)}</td>}
                <td>{distance(week.km.reduce((a, b) => a + b, week.noShoeKm))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
