import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { DesignationHistory } from "@/components/directory/designation-history";
import { StatusBadge, statusMeaningId } from "@/components/status-badge";
import { StatusMeanings } from "@/components/status-meanings";
import { formatIsoDate, toIsoDate } from "@/domain/dates";
import { termHasBegun } from "@/domain/term";
import { changeLabels, type ActivityDiff, type ItemDiff } from "@/domain/tor-diff";
import { findPublicCentre } from "@/server/queries/centre-detail";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const centre = await findPublicCentre(decodeURIComponent((await params).reference));
  if (!centre) return { title: "Centre not found" };
  return {
    title: `${centre.reference}: ${centre.title}`,
    description: `${centre.title}, ${[centre.institution?.name, centre.city, centre.country].filter(Boolean).join(", ")}.`,
    alternates: { types: { "application/json": `/api/v1/centres/${centre.reference}` } },
  };
}

export default async function CentrePage({ params }: Props) {
  const centre = await findPublicCentre(decodeURIComponent((await params).reference));
  if (!centre) notFound();
  // A redesignation decided early records the next term before it begins.
  const nextTerm =
    centre.termStart && centre.termEnd && !termHasBegun(centre.termStart, toIsoDate(new Date()))
      ? { start: centre.termStart, end: centre.termEnd }
      : null;

  return (
    <article className="space-y-8">
      {/* Plain links, not next/link, here and below: not prefetched (decision 0024). */}
      <nav aria-label="Breadcrumb" className="text-sm">
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain link on purpose (decision 0024) */}
        <a href="/centres">Centres</a> <span aria-hidden="true">/</span>{" "}
        <a href={`/centres?country=${centre.countryCode}`}>{centre.country}</a>
      </nav>
      <header className="space-y-3">
        <p className="text-sm font-medium uppercase tracking-wide text-muted">{centre.reference}</p>
        <h1 className="max-w-4xl text-2xl font-semibold tracking-tight text-brand-800 sm:text-3xl">
          {centre.title}
        </h1>
        <div className="flex flex-wrap items-center gap-4">
          <StatusBadge status={centre.status} describedBy={statusMeaningId(centre.status)} />{" "}
          <a href={`/api/v1/centres/${centre.reference}`} className="text-sm">
            This centre as JSON
          </a>
        </div>
        <StatusMeanings statuses={[centre.status]} className="max-w-3xl" />
      </header>

      <dl className="grid gap-x-8 gap-y-4 rounded-lg border border-slate-200 bg-white p-6 sm:grid-cols-2">
        <Fact label="Country">{centre.country}</Fact>
        <Fact label="Region">
          {centre.region.name} ({centre.region.code})
        </Fact>
        <Fact label="Institution">
          {centre.institution ? (
            <>
              {centre.institution.name}
              {centre.institution.department && (
                <span className="block text-muted">{centre.institution.department}</span>
              )}
            </>
          ) : (
            // WHO's 2022 list names no institutions: say so rather than leave a gap.
            <span className="text-muted">
              {centre.imported ? "Not recorded in WHO's 2022 list" : "Not recorded"}
            </span>
          )}
        </Fact>
        {centre.city && <Fact label="City">{centre.city}</Fact>}
        <Fact label="Initiated by">{centre.initiator}</Fact>
        {centre.unit && <Fact label="Responsible unit">{centre.unit.name}</Fact>}
        {centre.firstDesignatedOn && (
          <Fact label="First designated">{formatIsoDate(centre.firstDesignatedOn)}</Fact>
        )}
        {nextTerm ? (
          <>
            <Fact label="Current term ends">{formatIsoDate(nextTerm.start)}</Fact>
            <Fact label="Redesignated for">
              {formatIsoDate(nextTerm.start)} to {formatIsoDate(nextTerm.end)}
            </Fact>
          </>
        ) : (
          <>
            {centre.termStart && <Fact label="Current term began">{formatIsoDate(centre.termStart)}</Fact>}
            {centre.termEnd && <Fact label="Current term ends">{formatIsoDate(centre.termEnd)}</Fact>}
          </>
        )}
        {centre.statusReason && centre.status !== "ACTIVE" && (
          <Fact label="Reason">{centre.statusReason}</Fact>
        )}
        {centre.website && (
          <Fact label="Website">
            <a href={centre.website} rel="noopener noreferrer" className="break-all">
              {centre.website}
            </a>
          </Fact>
        )}
        {centre.publicContactEmail && (
          <Fact label="Contact">
            <a href={`mailto:${centre.publicContactEmail}`} className="break-all">
              {centre.publicContactEmail}
            </a>
          </Fact>
        )}
      </dl>

      <div className="grid gap-8 sm:grid-cols-2">
        <TagList heading="Subjects" items={centre.subjects} facet="subject" />
        <TagList heading="Types of activity" items={centre.activityTypes} facet="activity" />
      </div>

      <section aria-labelledby="tor-heading" className="space-y-4">
        <h2 id="tor-heading" className="text-xl font-semibold">
          Terms of reference and work plan
        </h2>
        {centre.termsOfReference.length === 0 ? (
          <p className="text-muted">
            The terms of reference of the current term have not been published here.
          </p>
        ) : (
          <ol className="space-y-5">
            {centre.termsOfReference.map((item) => (
              <li key={item.position} className="rounded-lg border border-slate-200 bg-white p-5">
                <h3 className="font-semibold">
                  <span className="text-muted">ToR {item.position}.</span> {item.text}
                </h3>
                {item.activities.length > 0 && (
                  <ul className="mt-3 space-y-3 border-l-2 border-brand-100 pl-4">
                    {item.activities.map((activity) => (
                      <li key={activity.title}>
                        <p className="font-medium">{activity.title}</p>
                        <p className="text-sm text-muted">
                          {activity.activityType} · {activity.timeframe}
                        </p>
                        <p className="mt-1 text-sm">{activity.description}</p>
                        <p className="mt-1 text-sm">
                          <span className="font-medium">Deliverables:</span> {activity.deliverables}
                        </p>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      {centre.versionDiff && <VersionDiff diff={centre.versionDiff} />}

      <DesignationHistory events={centre.history} />

      {centre.networks.length > 0 && (
        <section aria-labelledby="networks-heading" className="space-y-3">
          <h2 id="networks-heading" className="text-xl font-semibold">
            Networks
          </h2>
          <ul className="space-y-2">
            {centre.networks.map((network) => (
              <li key={network.name}>
                <span className="font-medium">{network.name}</span>
                <span className="block text-sm text-muted">
                  {network.description} Member since {formatIsoDate(network.joinedOn)}.
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-sm font-medium text-muted">{label}</dt>
      <dd className="mt-1">{children}</dd>
    </div>
  );
}

function TagList({ heading, items, facet }: { heading: string; items: string[]; facet: string }) {
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">{heading}</h2>
      {items.length === 0 ? (
        <p className="text-muted">None recorded.</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {items.map((item) => (
            <li key={item}>
              <a
                href={`/centres?${new URLSearchParams({ [facet]: item })}`}
                className="inline-block rounded-md bg-brand-50 px-3 py-1 text-sm text-brand-800 no-underline hover:underline"
              >
                {item}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const changeStyles = {
  added: "border-green-700 bg-green-50",
  removed: "border-red-700 bg-red-50",
  changed: "border-amber-600 bg-amber-50",
  unchanged: "border-slate-300 bg-white",
} as const;

/**
 * Version n of the ToR and work plan beside version n−1. Each row names its
 * change in words ("Added", "Removed", "Changed"), so colour is never the
 * only signal; on a narrow screen the two columns stack.
 */
function VersionDiff({ diff }: { diff: { version: number; previousVersion: number; items: ItemDiff[] } }) {
  return (
    <section aria-labelledby="diff-heading" className="space-y-4">
      <h2 id="diff-heading" className="text-xl font-semibold">
        What changed: version {diff.version} against version {diff.previousVersion}
      </h2>
      <p className="text-muted">
        The terms of reference and work plan of the current term (version {diff.version}) beside those of the
        previous term (version {diff.previousVersion}).
      </p>
      <ol className="space-y-4" data-testid="version-diff">
        {diff.items.map((item) => (
          <li key={item.position} className={`rounded-lg border-l-4 p-4 ${changeStyles[item.change]}`}>
            <p className="font-semibold">
              ToR {item.position}: <span data-testid="diff-change">{changeLabels[item.change]}</span>
            </p>
            <div className="mt-2 grid gap-4 md:grid-cols-2">
              <DiffColumn label={`Version ${diff.previousVersion}`} text={item.before} />
              <DiffColumn label={`Version ${diff.version}`} text={item.after} />
            </div>
            {item.activities.some((activity) => activity.change !== "unchanged") && (
              <ul className="mt-3 space-y-2">
                {item.activities
                  .filter((activity) => activity.change !== "unchanged")
                  .map((activity) => (
                    <ActivityChange
                      key={(activity.after ?? activity.before)?.title}
                      activity={activity}
                      diff={diff}
                    />
                  ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function DiffColumn({ label, text }: { label: string; text: string | null }) {
  return (
    <div>
      <p className="text-sm font-medium text-muted">{label}</p>
      <p>{text ?? <span className="italic text-muted">Not in this version</span>}</p>
    </div>
  );
}

function ActivityChange({
  activity,
  diff,
}: {
  activity: ActivityDiff;
  diff: { version: number; previousVersion: number };
}) {
  const describe = (value: ActivityDiff["before"]) =>
    value
      ? `${value.activityType} · ${value.timeframe}. ${value.description} Deliverables: ${value.deliverables}`
      : null;
  return (
    <li className="rounded-md border border-slate-200 bg-white p-3 text-sm">
      <p className="font-medium">
        Activity {changeLabels[activity.change].toLowerCase()}: {(activity.after ?? activity.before)?.title}
      </p>
      <div className="mt-1 grid gap-4 md:grid-cols-2">
        <DiffColumn label={`Version ${diff.previousVersion}`} text={describe(activity.before)} />
        <DiffColumn label={`Version ${diff.version}`} text={describe(activity.after)} />
      </div>
    </li>
  );
}
