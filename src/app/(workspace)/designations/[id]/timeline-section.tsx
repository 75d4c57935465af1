import { designationStateLabels, type DesignationState } from "@/domain/designation";
import type { DesignationPage } from "@/server/queries/designation-page";

const roleLabels: Record<string, string> = {
  ADMIN: "administrator",
  OFFICER: "responsible officer",
  UNIT_HEAD: "unit head",
  FOCAL_POINT: "regional focal point",
  CENTRE_STAFF: "centre staff",
};

const label = (state: string | null) =>
  state ? (designationStateLabels[state as DesignationState] ?? state) : "";

/** Every step of the designation, with who took it and when. */
export function TimelineSection({ page }: { page: DesignationPage }) {
  return (
    <section aria-labelledby="timeline" className="space-y-4">
      <h2 id="timeline" className="text-xl font-semibold">
        Timeline
      </h2>
      {page.timeline.length === 0 ? (
        <p className="text-muted">No step recorded yet.</p>
      ) : (
        <ol className="space-y-2 border-l-2 border-brand-100 pl-4">
          {page.timeline.map((row) => (
            <li key={row.id}>
              <p>
                <span className="font-medium">
                  {row.fromState ? `${label(row.fromState)} → ` : ""}
                  {label(row.toState)}
                </span>
              </p>
              <p className="text-sm text-muted">
                <time dateTime={row.occurredAt.toISOString()}>
                  {row.occurredAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                </time>
                {row.actor ? ` · ${row.actor.name}` : ""}
                {row.actorRole ? ` (${roleLabels[row.actorRole] ?? row.actorRole})` : ""}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
