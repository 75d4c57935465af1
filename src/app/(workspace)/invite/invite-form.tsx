"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import { inviteUserAction } from "@/server/commands/actions";

type Option = { value: string; label: string };

const labels = {
  email: "E-mail address",
  name: "Name",
  role: "Role",
  region: "Region",
  unit: "Unit",
  centre: "Centre",
};

export function InviteForm({
  roles,
  regions,
  units,
  centres,
  language,
}: {
  roles: Option[];
  regions: Option[];
  units: Option[];
  centres: Option[] | null;
  /** The invitee's language for e-mails, defaulting to the inviter's (decision 0026). */
  language: { label: string; hint: string; options: Option[]; selected: string };
}) {
  const [state, action] = useActionState(inviteUserAction, initialFormState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} labels={{ ...labels, locale: language.label }} />
      <TextField
        name="name"
        label={labels.name}
        autoComplete="off"
        defaultValue={values.name}
        errors={errors.name}
        required
      />
      <TextField
        name="email"
        label={labels.email}
        type="email"
        autoComplete="off"
        defaultValue={values.email}
        errors={errors.email}
        required
      />
      <SelectField
        name="role"
        label={labels.role}
        options={roles}
        defaultValue={values.role ?? (roles.length === 1 ? roles[0]?.value : undefined)}
        placeholder={roles.length === 1 ? undefined : "Choose a role"}
        errors={errors.role}
      />
      {regions.length > 0 && (
        <SelectField
          name="region"
          label={labels.region}
          hint="Only for a regional focal point."
          options={regions}
          defaultValue={values.region}
          placeholder="—"
          errors={errors.region}
        />
      )}
      {units.length > 0 && (
        <SelectField
          name="unit"
          label={labels.unit}
          hint="Only for a unit head."
          options={units}
          defaultValue={values.unit}
          placeholder="—"
          errors={errors.unit}
        />
      )}
      {centres ? (
        <SelectField
          name="centre"
          label={labels.centre}
          options={centres}
          defaultValue={values.centre}
          placeholder="Choose one of your centres"
          errors={errors.centre}
        />
      ) : (
        <TextField
          name="centre"
          label={labels.centre}
          hint="Only for centre staff: the centre's reference, for example NOR-18."
          defaultValue={values.centre}
          errors={errors.centre}
        />
      )}
      <SelectField
        name="locale"
        label={language.label}
        hint={language.hint}
        options={language.options}
        defaultValue={values.locale ?? language.selected}
        errors={errors.locale}
      />
      <SubmitButton pendingLabel="Sending the invitation…">Send invitation</SubmitButton>
    </form>
  );
}
