"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import { inviteUserAction } from "@/server/commands/actions";

import type { RoleFieldWords } from "../admin/users/role-text";

type Option = { value: string; label: string };

/** The form's words in the page's language, from the server page. */
export type InviteWords = RoleFieldWords & {
  email: string;
  name: string;
  chooseCentre: string;
  send: string;
  sending: string;
  errorLabel: string;
};

export function InviteForm({
  roles,
  regions,
  units,
  centres,
  language,
  words,
}: {
  roles: Option[];
  regions: Option[];
  units: Option[];
  centres: Option[] | null;
  /** The invitee's language for e-mails, defaulting to the inviter's (decision 0026). */
  language: { label: string; hint: string; options: Option[]; selected: string };
  words: InviteWords;
}) {
  const labels = {
    email: words.email,
    name: words.name,
    role: words.role,
    region: words.region,
    unit: words.unit,
    centre: words.centre,
  };
  const errorLabel = words.errorLabel;
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
        errorLabel={errorLabel}
        required
      />
      <TextField
        name="email"
        label={labels.email}
        type="email"
        autoComplete="off"
        defaultValue={values.email}
        errors={errors.email}
        errorLabel={errorLabel}
        required
      />
      <SelectField
        name="role"
        label={labels.role}
        options={roles}
        defaultValue={values.role ?? (roles.length === 1 ? roles[0]?.value : undefined)}
        placeholder={roles.length === 1 ? undefined : words.chooseRole}
        errors={errors.role}
        errorLabel={errorLabel}
      />
      {regions.length > 0 && (
        <SelectField
          name="region"
          label={labels.region}
          hint={words.regionHint}
          options={regions}
          defaultValue={values.region}
          placeholder="—"
          errors={errors.region}
          errorLabel={errorLabel}
        />
      )}
      {units.length > 0 && (
        <SelectField
          name="unit"
          label={labels.unit}
          hint={words.unitHint}
          options={units}
          defaultValue={values.unit}
          placeholder="—"
          errors={errors.unit}
          errorLabel={errorLabel}
        />
      )}
      {centres ? (
        <SelectField
          name="centre"
          label={labels.centre}
          options={centres}
          defaultValue={values.centre}
          placeholder={words.chooseCentre}
          errors={errors.centre}
          errorLabel={errorLabel}
        />
      ) : (
        <TextField
          name="centre"
          label={labels.centre}
          hint={words.centreHint}
          defaultValue={values.centre}
          errors={errors.centre}
          errorLabel={errorLabel}
        />
      )}
      <SelectField
        name="locale"
        label={language.label}
        hint={language.hint}
        options={language.options}
        defaultValue={values.locale ?? language.selected}
        errors={errors.locale}
        errorLabel={errorLabel}
      />
      <SubmitButton pendingLabel={words.sending}>{words.send}</SubmitButton>
    </form>
  );
}
