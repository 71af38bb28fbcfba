// The red flags in their two groups (emergency now, doctor promptly), shared by the Help screen
// and the persistent-pain card so the two can never disagree.
import { WARNING_SIGN_GROUPS } from '../../../../shared/insights/warningSigns';

export function WarningSignLists({ headingLevel = 3 }: { headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <>
      {WARNING_SIGN_GROUPS.map((group) => (
        <div key={group.action} className="warning-signs">
          <Heading>{group.action}</Heading>
          <p>{group.intro}</p>
          <ul>
            {group.signs.map((sign) => (
              <li key={sign}>{sign}</li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
