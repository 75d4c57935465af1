"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import { addRoleAction, removeRoleAction, setUserAccessAction } from "@/server/commands/actions";

type Option = { value: string; label: string };

export function AddRoleForm(props: {
  userId: number;
  version: number;
  roles: Option[];
  regions: Option[];
  units: Option[];
}) {
  const [state, action] = useActionState(addRoleAction, initialFormState);
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage
        state={state}
        labels={{ role: "Role", region: "Region", unit: "Unit", centre: "Centre" }}
      />
      <input type="hidden" name="userId" value={props.userId} />
      <input type="hidden" name="version" value={props.version} />
      <SelectField
        name="role"
        label="Role"
        options={props.roles}
        placeholder="Choose a role"
        defaultValue={values.role}
        errors={errors.role}
      />
      <SelectField
        name="region"
        label="Region"
        hint="Only for a regional focal point."
        options={props.regions}
        placeholder="—"
        defaultValue={values.region}
        errors={errors.region}
      />
      <SelectField
        name="unit"
        label="Unit"
        hint="Only for a unit head."
        options={props.units}
        placeholder="—"
        defaultValue={values.unit}
        errors={errors.unit}
      />
      <TextField
        name="centre"
        label="Centre"
        hint="Only for centre staff: a reference such as NOR-18."
        defaultValue={values.centre}
        errors={errors.centre}
      />
      <SubmitButton pendingLabel="Adding…">Add role</SubmitButton>
    </form>
  );
}

export function RemoveRoleForm({
  userId,
  version,
  assignmentId,
  label,
}: {
  userId: number;
  version: number;
  assignmentId: number;
  label: string;
}) {
  const [state, action] = useActionState(removeRoleAction, initialFormState);
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-3">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <SubmitButton variant="secondary" pendingLabel="Removing…">
        Remove<span className="sr-only"> {label}</span>
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
}: {
  userId: number;
  version: number;
  disabled: boolean;
}) {
  const [state, action] = useActionState(setUserAccessAction, initialFormState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-wrap gap-3">
        {disabled ? (
          <SubmitButton name="change" value="enable" pendingLabel="Enabling…">
            Enable account
          </SubmitButton>
        ) : (
          <>
            <SubmitButton
              name="change"
              value="end-sessions"
              variant="secondary"
              pendingLabel="Ending sessions…"
            >
              End all sessions
            </SubmitButton>
            <SubmitButton name="change" value="disable" variant="danger" pendingLabel="Disabling…">
              Disable account
            </SubmitButton>
          </>
        )}
      </div>
    </form>
  );
}
