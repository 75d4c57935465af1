import { currentCentreStatuses, type CentreStatus } from "./centre-status";
import { redesignationStartable, type Verdict } from "./evaluation";
import { admin, focalPoint, officer } from "./grants";
import type { LifeCycleStep } from "./life-cycle";

// The renewal steps of a centre (docs/domain.md §4, §5) as one table: while a
// centre is Active or Pending, its responsible officer may start the
// redesignation of its current term (the centre keeps its status; a new
// designation starts in DRAFT), and the region's focal point may close it or
// end it early. The centre's daily expiry is the job's rule (centre-expiry.ts),
// not a step anyone takes.

type RenewalFacts = Parameters<typeof redesignationStartable>[0];

export const centreLifeCycle = [
  {
    action: "designation.start-redesignation",
    from: currentCentreStatuses,
    to: null,
    who: [admin, officer],
    guard: redesignationStartable,
  },
  { action: "centre.close", from: currentCentreStatuses, to: "CLOSED", who: [admin, focalPoint] },
  { action: "centre.terminate", from: currentCentreStatuses, to: "TERMINATED", who: [admin, focalPoint] },
] as const satisfies readonly LifeCycleStep<CentreStatus, (facts: RenewalFacts) => Verdict>[];
export type CentreAction = (typeof centreLifeCycle)[number]["action"];
