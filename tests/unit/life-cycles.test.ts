import { describe, expect, it } from "vitest";

import { reportLifeCycle, reportStates, reportTransition, type ReportAction } from "@/domain/annual-report";
import { centreLifeCycle } from "@/domain/centre-life-cycle";
import { centreStatuses } from "@/domain/centre-status";
import {
  designationLifeCycle,
  designationStates,
  nextState,
  type DesignationAction,
} from "@/domain/designation";
import { evaluationLifeCycle, evaluationStates, evaluationTransition } from "@/domain/evaluation";
import type { LifeCycleStep } from "@/domain/life-cycle";
import {
  decide,
  offeredActions,
  roles,
  type Action,
  type ResourceFacts,
  type Role,
  type Subject,
} from "@/domain/permissions";

// Generated from the life-cycle tables themselves: for every action × role ×
// state, the permission table (`decide`) and the transition function give
// exactly what the table's rows say. The hand-written expectations of each
// life cycle (designation.test.ts, annual-report.test.ts, permissions.test.ts)
// check that the rows are the right ones; this file checks that nothing else
// decides.

const ME = 7;
const PROPOSER = 99;

/** A person holding one role over centre 1 (region 10, unit 100). */
function subjectInScope(role: Role): Subject {
  return { id: ME, roles: [{ role, centreId: 1, regionId: 10, unitId: 100 }] };
}
/** A record of centre 1, whose responsible officer is the subject; proposed by someone else. */
const record = (state: string): ResourceFacts => ({
  centreId: 1,
  regionId: 10,
  unitId: 100,
  responsibleOfficerId: ME,
  state,
  proposedById: PROPOSER,
});
/** The same record of another centre, region, unit and officer. */
const recordElsewhere = (state: string): ResourceFacts => ({
  ...record(state),
  centreId: 2,
  regionId: 20,
  unitId: 200,
  responsibleOfficerId: PROPOSER,
});

type AnyStep = LifeCycleStep<string, unknown> & { action: Action };

/** What the rows say: the state `action` leads to from `state` for `role`, "stays", or null (refused). */
function expectedFromTable(lifeCycle: readonly AnyStep[], action: Action, role: Role, state: string) {
  const step = lifeCycle.find(
    (candidate) =>
      candidate.action === action &&
      candidate.from.includes(state) &&
      candidate.who.some((grant) => grant.role === role),
  );
  return step ? (step.to ?? "stays") : null;
}

/** Where the transition function alone leads (it knows nothing of roles). */
function stateMachine(lifeCycle: readonly AnyStep[], action: Action, state: string) {
  const step = lifeCycle.find((candidate) => candidate.action === action && candidate.from.includes(state));
  return step ? (step.to ?? "stays") : null;
}

const lifeCycles: {
  name: string;
  steps: readonly AnyStep[];
  states: readonly string[];
  /**
   * The life cycle's own transition function: the state reached, or null when
   * refused; undefined for an action it has none for (editing a form).
   */
  transition?: (action: Action, state: string) => string | null | undefined;
}[] = [
  {
    name: "designation",
    steps: designationLifeCycle,
    states: designationStates,
    transition: (action, state) => {
      const step = designationLifeCycle.find((candidate) => candidate.action === action);
      if (step?.to === null) return undefined;
      const short = action.slice("designation.".length) as DesignationAction;
      return nextState(short, state as (typeof designationStates)[number]);
    },
  },
  {
    name: "annual report",
    steps: reportLifeCycle,
    states: reportStates,
    transition: (action, state) => {
      const result = reportTransition(
        action.slice("report.".length) as ReportAction,
        state as (typeof reportStates)[number],
      );
      return result.ok ? result.to : null;
    },
  },
  {
    name: "evaluation",
    steps: evaluationLifeCycle,
    states: evaluationStates,
    transition: (action, state) => {
      // Inside the window (the term ends in a month), so only the table decides.
      const result = evaluationTransition(action as (typeof evaluationLifeCycle)[number]["action"], {
        termEnd: "2027-07-31",
        today: "2027-06-30",
        state: state as (typeof evaluationStates)[number],
      });
      return result.ok ? result.to : null;
    },
  },
  { name: "centre renewal", steps: centreLifeCycle, states: centreStatuses },
];

for (const lifeCycle of lifeCycles) {
  const actions = [...new Set(lifeCycle.steps.map((step) => step.action))];

  describe(`${lifeCycle.name} life cycle, generated from its table`, () => {
    for (const action of actions) {
      for (const state of lifeCycle.states) {
        for (const role of roles) {
          const want = expectedFromTable(lifeCycle.steps, action, role, state);
          it(`${action} × ${state} × ${role} → ${want ?? "refused"}`, () => {
            expect(decide(subjectInScope(role), action, record(state)).allowed).toBe(want !== null);
            expect(decide(subjectInScope(role), action, recordElsewhere(state)).allowed).toBe(
              want !== null && role === "ADMIN",
            );
            const reached = lifeCycle.transition?.(action, state);
            if (reached !== undefined) {
              const machine = stateMachine(lifeCycle.steps, action, state);
              expect(reached).toBe(machine === "stays" ? state : machine);
            }
          });
        }
      }
    }

    it("leads every row from and to the life cycle's own states", () => {
      for (const step of lifeCycle.steps) {
        expect(step.from.length).toBeGreaterThan(0);
        for (const from of step.from) expect(lifeCycle.states).toContain(from);
        if (step.to !== null) expect(lifeCycle.states).toContain(step.to);
      }
    });

    it("offers a page exactly the actions the permission table allows, in every state", () => {
      for (const state of lifeCycle.states)
        for (const role of roles)
          expect(offeredActions(lifeCycle.steps, subjectInScope(role), record(state))).toEqual(
            actions.filter((action) => expectedFromTable(lifeCycle.steps, action, role, state) !== null),
          );
    });
  });
}
