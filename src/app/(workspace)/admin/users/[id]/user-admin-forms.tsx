"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import type { RoleFieldWords } from "../role-text";
import { addRoleAction, removeRoleAction, setUserAccessAction } from "@/server/commands/actions";

type Option = { value: string; label: string };

/** The forms' words in the page's language, from the server page. */
export type UserAdminWords = RoleFieldWords & {
  /** "Error: ", read before a field's errors. */
  errorLabel: string;
  adding: string;
  addRole: string;
  remove: string;
  removing: string;
  enabling: string;
  enable: string;
  endingSessions: string;
  endSessions: string;
  disabling: string;
  disable: string;
  resetIntro: string;
  resetting: string;
  reset: string;
};

export function AddRoleForm(props: {
  userId: number;
  version: number;
  roles: Option[];
  regions: Option[];
  units: Option[];
  words: UserAdminWords;
}) {
  const words = props.words;
  const [state, action] = useActionState(addRoleAction, initialFormState);
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage
        state={state}
        labels={{ role: words.role, region: words.region, unit: words.unit, centre: words.centre }}
      />
      <input type="hidden" name="userId" value={props.userId} />
      <input type="hidden" name="version" value={props.version} />
      <SelectField
        name="role"
        label={words.role}
        options={props.roles}
        placeholder={words.chooseRole}
        defaultValue={values.role}
        errors={errors.role}
        errorLabel={words.errorLabel}
      />
      <SelectField
        name="region"
        label={words.region}
        hint={words.regionHint}
        options={props.regions}
        placeholder="—"
        defaultValue={values.region}
        errors={errors.region}
        errorLabel={words.errorLabel}
      />
      <SelectField
        name="unit"
        label={words.unit}
        hint={words.unitHint}
        options={props.units}
        placeholder="—"
        defaultValue={values.unit}
        errors={errors.unit}
        errorLabel={words.errorLabel}
      />
      <TextField
        name="centre"
        label={words.centre}
        hint={words.centreHint}
        defaultValue={values.centre}
        errors={errors.centre}
        errorLabel={words.errorLabel}
      />
      <SubmitButton pendingLabel={words.adding}>{words.addRole}</SubmitButton>
    </form>
  );
}

export function RemoveRoleForm({
  userId,
  version,
  assignmentId,
  label,
  words,
}: {
  userId: number;
  version: number;
  assignmentId: number;
  label: string;
  words: UserAdminWords;
}) {
  const [state, action] = useActionState(removeRoleAction, initialFormState);
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-3">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <SubmitButton variant="secondary" pendingLabel={words.removing}>
        {words.remove}
        <span className="sr-only"> {label}</span>
      </SubmitButton>
      {state.status === "error" && (
        <span role="alert" className="text-sm text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}

export function AccessForm({
  userId,
  version,
  disabled,
  words,
}: {
  userId: number;
  version: number;
  disabled: boolean;
  words: UserAdminWords;
}) {
  const [state, action] = useActionState(setUserAccessAction, initialFormState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-wrap gap-3">
        {disabled ? (
          <SubmitButton name="change" value="enable" pendingLabel={words.enabling}>
            {words.enable}
          </SubmitButton>
        ) : (
          <>
            <SubmitButton
              name="change"
              value="end-sessions"
              variant="secondary"
              pendingLabel={words.endingSessions}
            >
              {words.endSessions}
            </SubmitButton>
            <SubmitButton name="change" value="disable" variant="danger" pendingLabel={words.disabling}>
              {words.disable}
            </SubmitButton>
          </>
        )}
      </div>
    </form>
  );
}
