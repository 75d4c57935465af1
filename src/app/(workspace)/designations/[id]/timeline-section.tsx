import { getTranslations } from "next-intl/server";

import { designationStates, type DesignationState } from "@/domain/designation";
import { utcDateTime } from "@/domain/dates";
import { roles } from "@/domain/grants";
import type { DesignationPage } from "@/server/queries/designation-page";

const isRole = (role: string): role is (typeof roles)[number] => (roles as readonly string[]).includes(role);
const isState = (state: string): state is DesignationState =>
  (designationStates as readonly string[]).includes(state);

/** Every step of the designation, with who took it and when. */
export async function TimelineSection({ page }: { page: DesignationPage }) {
  const [t, tState] = await Promise.all([
    getTranslations("DesignationTimeline"),
    getTranslations("DesignationStates"),
  ]);
  const label = (state: string | null) => (state ? (isState(state) ? tState(state) : state) : "");
  const role = (code: string) => (isRole(code) ? t(`roles.${code}`) : code);
  return (
    <section aria-labelledby="timeline" className="space-y-4">
      <h2 id="timeline" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {page.timeline.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <ol className="space-y-2 border-s-2 border-brand-100 ps-4">
          {page.timeline.map((row) => (
            <li key={row.id}>
              <p>
                <span className="font-medium">
                  {row.fromState
                    ? t("step", { from: label(row.fromState), to: label(row.toState) })
                    : label(row.toState)}
                </span>
              </p>
              <p className="text-sm text-muted">
                <time dateTime={row.occurredAt.toISOString()}>{utcDateTime(row.occurredAt)}</time>
                {row.actor ? ` · ${row.actor.name}` : ""}
                {row.actorRole ? ` (${role(row.actorRole)})` : ""}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
