import type { Grant, PermissionRule } from "./grants";

// A life cycle as one table (decision 0017): each row is one step people take,
// named by its action (the permission and the audit row's name), the states it
// starts from, the state it leads to, who may take it (role and scope) and the
// guard no role can override. The permission table, the transition functions,
// the buttons a page offers and the unit tests are all read from these rows.

export type LifeCycleStep<State extends string, Guard = never> = {
  readonly action: string;
  readonly from: readonly State[];
  /** null: the step changes the record but keeps its state (editing a form). */
  readonly to: State | null;
  readonly who: readonly Grant[];
  readonly guard?: Guard;
};

/** The row of `action` that applies in state `from`, if any (an action may have one row per group of states). */
export function stepFrom<State extends string, Step extends LifeCycleStep<State, unknown>>(
  lifeCycle: readonly Step[],
  action: Step["action"],
  from: State,
): Step | undefined {
  return lifeCycle.find((step) => step.action === action && step.from.includes(from));
}

/** The life cycle's actions, each once, in the table's order. */
export function actionsOf<Action extends string>(lifeCycle: readonly { action: Action }[]): Action[] {
  return [...new Set(lifeCycle.map((step) => step.action))];
}

/**
 * The permission table's entries for a life cycle: for each action, every
 * row's roles limited to that row's starting states. Life-cycle steps are
 * writes.
 */
export function permissionRulesOf<Step extends LifeCycleStep<string, unknown>>(
  lifeCycle: readonly Step[],
): Record<Step["action"], PermissionRule> {
  const rules: Record<string, { kind: "write"; grants: Grant[] }> = {};
  for (const step of lifeCycle) {
    const rule = (rules[step.action] ??= { kind: "write", grants: [] });
    for (const grant of step.who) rule.grants.push({ ...grant, states: step.from });
  }
  return rules as Record<Step["action"], PermissionRule>;
}

/** The short name of a step within its life cycle: `accept` for `designation.accept`. */
export type StepName<Action extends string> = Action extends `${string}.${infer Name}` ? Name : never;

/** The short names of a life cycle's actions, each once, in the table's order. */
export function stepNamesOf<Step extends LifeCycleStep<string, unknown>>(
  lifeCycle: readonly Step[],
): StepName<Step["action"]>[] {
  return actionsOf(lifeCycle).map(
    (action) => action.slice(action.indexOf(".") + 1) as StepName<Step["action"]>,
  );
}
