/** The Prepare tab's extra parts, loaded as one chunk after the first paint (see `lazy.tsx`). */
import type { Session } from '../../../shared/schemas/records';
import { InviteImport } from './InviteImport';
import { InviteReviewCard } from './InviteReview';
import { PanelChoiceCard } from './PanelChoice';
import { SinceLastTime } from './SinceLastTime';
import { UsePage } from './UsePage';
import { review } from './wiring';
import './prepare.css';

export { OnePager } from './OnePager';

export function PrepareTop({ session }: { session: Session | null }) {
  return (
    <>
      <PanelChoiceCard />
      <InviteReviewCard />
      {session ? <SinceLastTime session={session} /> : null}
      <UsePage />
      <InviteImport open={!session && !review.value} />
    </>
  );
}
