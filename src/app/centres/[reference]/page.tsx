import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { DesignationHistory } from "@/components/directory/designation-history";
import { StatusBadge, statusMeaningId } from "@/components/status-badge";
import { StatusMeanings } from "@/components/status-meanings";
import { toIsoDate } from "@/domain/dates";
import { termHasBegun } from "@/domain/term";
import type { ActivityDiff, ItemDiff } from "@/domain/tor-diff";
import type { ReferenceLabels } from "@/i18n/reference-labels";
import { getFormat, getLocaleHref, getReferenceLabels } from "@/i18n/server";
import { sayProblem } from "@/server/commands/say-problems";
import { findPublicCentre, type PublicCentre } from "@/server/queries/centre-detail";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ reference: string }> };

const countryOf = (labels: ReferenceLabels, centre: PublicCentre) =>
  labels.country({ code: centre.countryCode, isoCode: centre.countryIsoCode, name: centre.country });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const centre = await findPublicCentre(decodeURIComponent((await params).reference));
  const t = await getTranslations("CentrePage");
  if (!centre) return { title: t("notFound") };
  const labels = await getReferenceLabels();
  const place = [centre.institution?.name, centre.city, countryOf(labels, centre)].filter(Boolean);
  return {
    title: `${centre.reference}: ${centre.title}`,
    description: t("metaDescription", { title: centre.title, place: place.join(t("placeSeparator")) }),
    alternates: { types: { "application/json": `/api/v1/centres/${centre.reference}` } },
  };
}

// Our words (labels, dates, statuses, reference data) are in the page's
// language; the centre's own (title, terms of reference, work plan,
// institution, reasons, networks) stay as written, each isolated in its own
// direction (<bdi>) so that an English title keeps its punctuation on an
// Arabic page while lining up with the page's words.
export default async function CentrePage({ params }: Props) {
  const centre = await findPublicCentre(decodeURIComponent((await params).reference));
  if (!centre) notFound();
  const t = await getTranslations("CentrePage");
  const tNavigation = await getTranslations("Navigation");
  const labels = await getReferenceLabels();
  const format = await getFormat();
  const href = await getLocaleHref();
  const locale = await getLocale();
  const country = countryOf(labels, centre);
  // A redesignation decided early records the next term before it begins.
  const nextTerm =
    centre.termStart && centre.termEnd && !termHasBegun(centre.termStart, toIsoDate(new Date()))
      ? { start: centre.termStart, end: centre.termEnd }
      : null;

  return (
    <article className="space-y-8">
      {/* Plain links, not next/link, here and below: not prefetched (decision 0024). */}
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <a href={href("/centres")}>{tNavigation("centres")}</a> <span aria-hidden="true">/</span>{" "}
        <a href={href(`/centres?country=${centre.countryCode}`)}>{country}</a>
      </nav>
      <header className="space-y-3">
        <p className="text-sm font-medium uppercase tracking-wide text-muted">{centre.reference}</p>
        <h1 className="max-w-4xl text-2xl font-semibold tracking-tight text-brand-800 sm:text-3xl">
          <bdi>{centre.title}</bdi>
        </h1>
        <div className="flex flex-wrap items-center gap-4">
          <StatusBadge status={centre.status} describedBy={statusMeaningId(centre.status)} />{" "}
          <a href={`/api/v1/centres/${centre.reference}`} className="text-sm">
            {t("asJson")}
          </a>
        </div>
        <StatusMeanings statuses={[centre.status]} className="max-w-3xl" />
      </header>

      <dl className="grid gap-x-8 gap-y-4 rounded-lg border border-slate-200 bg-white p-6 sm:grid-cols-2">
        <Fact label={t("fact.country")}>{country}</Fact>
        <Fact label={t("fact.region")}>
          {t("regionValue", {
            name: labels.region(centre.region.code, centre.region.name),
            code: centre.region.code,
          })}
        </Fact>
        <Fact label={t("fact.institution")}>
          {centre.institution ? (
            <>
              <bdi>{centre.institution.name}</bdi>
              {centre.institution.department && (
                <span className="block text-muted">
                  <bdi>{centre.institution.department}</bdi>
                </span>
              )}
            </>
          ) : (
            // WHO's 2022 list names no institutions: say so rather than leave a gap.
            <span className="text-muted">
              {centre.imported ? t("notRecordedImported") : t("notRecorded")}
            </span>
          )}
        </Fact>
        {centre.city && (
          <Fact label={t("fact.city")}>
            <bdi>{centre.city}</bdi>
          </Fact>
        )}
        <Fact label={t("fact.initiator")}>{labels.initiator(centre.initiatorCode)}</Fact>
        {centre.unit && (
          <Fact label={t("fact.unit")}>
            <bdi>{centre.unit.name}</bdi>
          </Fact>
        )}
        {centre.firstDesignatedOn && (
          <Fact label={t("fact.firstDesignated")}>{format.day(centre.firstDesignatedOn)}</Fact>
        )}
        {nextTerm ? (
          <>
            <Fact label={t("fact.termEnds")}>{format.day(nextTerm.start)}</Fact>
            <Fact label={t("fact.redesignatedFor")}>
              {t("period", { start: format.day(nextTerm.start), end: format.day(nextTerm.end) })}
            </Fact>
          </>
        ) : (
          <>
            {centre.termStart && <Fact label={t("fact.termBegan")}>{format.day(centre.termStart)}</Fact>}
            {centre.termEnd && <Fact label={t("fact.termEnds")}>{format.day(centre.termEnd)}</Fact>}
          </>
        )}
        {centre.statusReason && centre.status !== "ACTIVE" && (
          <Fact label={t("fact.reason")}>
            <bdi>{sayProblem(centre.statusReason, locale)}</bdi>
          </Fact>
        )}
        {centre.website && (
          <Fact label={t("fact.website")}>
            <a href={centre.website} rel="noopener noreferrer" className="break-all">
              {centre.website}
            </a>
          </Fact>
        )}
        {centre.publicContactEmail && (
          <Fact label={t("fact.contact")}>
            <a href={`mailto:${centre.publicContactEmail}`} className="break-all">
              {centre.publicContactEmail}
            </a>
          </Fact>
        )}
      </dl>

      <div className="grid gap-8 sm:grid-cols-2">
        <TagList
          heading={t("subjects")}
          empty={t("noneRecorded")}
          items={centre.subjects.map((name) => ({ value: name, label: labels.subject(name) }))}
          facet="subject"
          href={href}
        />
        <TagList
          heading={t("activityTypes")}
          empty={t("noneRecorded")}
          items={centre.activityTypes.map((name) => ({ value: name, label: labels.activity(name) }))}
          facet="activity"
          href={href}
        />
      </div>

      <section aria-labelledby="tor-heading" className="space-y-4">
        <h2 id="tor-heading" className="text-xl font-semibold">
          {t("torHeading")}
        </h2>
        {centre.termsOfReference.length === 0 ? (
          <p className="text-muted">{t("torNotPublished")}</p>
        ) : (
          <ol className="space-y-5">
            {centre.termsOfReference.map((item) => (
              <li key={item.position} className="rounded-lg border border-slate-200 bg-white p-5">
                <h3 className="font-semibold">
                  <span className="text-muted">{t("torItem", { position: item.position })}</span>{" "}
                  <bdi>{item.text}</bdi>
                </h3>
                {item.activities.length > 0 && (
                  <ul className="mt-3 space-y-3 border-s-2 border-brand-100 ps-4">
                    {item.activities.map((activity) => (
                      <li key={activity.title}>
                        <p className="font-medium">
                          <bdi>{activity.title}</bdi>
                        </p>
                        <p className="text-sm text-muted">
                          {t.rich("activityMeta", {
                            type: labels.activity(activity.activityType),
                            timeframe: activity.timeframe,
                            content: (chunks) => <bdi>{chunks}</bdi>,
                          })}
                        </p>
                        <p className="mt-1 text-sm">
                          <bdi>{activity.description}</bdi>
                        </p>
                        <p className="mt-1 text-sm">
                          {t.rich("deliverables", {
                            deliverables: activity.deliverables,
                            label: (chunks) => <span className="font-medium">{chunks}</span>,
                            content: (chunks) => <bdi>{chunks}</bdi>,
                          })}
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

      {centre.versionDiff && <VersionDiff diff={centre.versionDiff} labels={labels} />}

      <DesignationHistory events={centre.history} />

      {centre.networks.length > 0 && (
        <section aria-labelledby="networks-heading" className="space-y-3">
          <h2 id="networks-heading" className="text-xl font-semibold">
            {t("networks")}
          </h2>
          <ul className="space-y-2">
            {centre.networks.map((network) => (
              <li key={network.name}>
                <bdi className="font-medium">{network.name}</bdi>
                <span className="block text-sm text-muted">
                  <bdi>{network.description}</bdi> {t("memberSince", { date: format.day(network.joinedOn) })}
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

function TagList({
  heading,
  empty,
  items,
  facet,
  href,
}: {
  heading: string;
  empty: string;
  /** The value searched for (the stored name) and its label in the page's language. */
  items: { value: string; label: string }[];
  facet: string;
  href: (path: string) => string;
}) {
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">{heading}</h2>
      {items.length === 0 ? (
        <p className="text-muted">{empty}</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {items.map((item) => (
            <li key={item.value}>
              <a
                href={href(`/centres?${new URLSearchParams({ [facet]: item.value })}`)}
                className="inline-block rounded-md bg-brand-50 px-3 py-1 text-sm text-brand-800 no-underline hover:underline"
              >
                {item.label}
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

type Diff = { version: number; previousVersion: number; items: ItemDiff[] };

/**
 * Version n of the ToR and work plan beside version n−1. Each row names its
 * change in words ("Added", "Removed", "Changed"), so colour is never the
 * only signal; on a narrow screen the two columns stack.
 */
async function VersionDiff({ diff, labels }: { diff: Diff; labels: ReferenceLabels }) {
  const t = await getTranslations("CentrePage.diff");
  const versions = { version: diff.version, previous: diff.previousVersion };
  return (
    <section aria-labelledby="diff-heading" className="space-y-4">
      <h2 id="diff-heading" className="text-xl font-semibold">
        {t("heading", versions)}
      </h2>
      <p className="text-muted">{t("intro", versions)}</p>
      <ol className="space-y-4" data-testid="version-diff">
        {diff.items.map((item) => (
          <li key={item.position} className={`rounded-lg border-s-4 p-4 ${changeStyles[item.change]}`}>
            <p className="font-semibold">
              {t.rich("item", {
                position: item.position,
                label: t(`change.${item.change}`),
                change: (chunks) => <span data-testid="diff-change">{chunks}</span>,
              })}
            </p>
            <div className="mt-2 grid gap-4 md:grid-cols-2">
              <DiffColumn
                label={t("version", { version: diff.previousVersion })}
                text={item.before}
                empty={t("notInVersion")}
              />
              <DiffColumn
                label={t("version", { version: diff.version })}
                text={item.after}
                empty={t("notInVersion")}
              />
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
                      labels={labels}
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

function DiffColumn({ label, text, empty }: { label: string; text: string | null; empty: string }) {
  return (
    <div>
      <p className="text-sm font-medium text-muted">{label}</p>
      {text === null ? (
        <p>
          <span className="italic text-muted">{empty}</span>
        </p>
      ) : (
        <p>
          <bdi>{text}</bdi>
        </p>
      )}
    </div>
  );
}

async function ActivityChange({
  activity,
  diff,
  labels,
}: {
  activity: ActivityDiff;
  diff: Diff;
  labels: ReferenceLabels;
}) {
  const t = await getTranslations("CentrePage.diff");
  const describe = (value: ActivityDiff["before"]) =>
    value
      ? t("describe", {
          type: labels.activity(value.activityType),
          timeframe: value.timeframe,
          description: value.description,
          deliverables: value.deliverables,
        })
      : null;
  return (
    <li className="rounded-md border border-slate-200 bg-white p-3 text-sm">
      <p className="font-medium">
        {t("activity", { change: activity.change, title: (activity.after ?? activity.before)?.title ?? "" })}
      </p>
      <div className="mt-1 grid gap-4 md:grid-cols-2">
        <DiffColumn
          label={t("version", { version: diff.previousVersion })}
          text={describe(activity.before)}
          empty={t("notInVersion")}
        />
        <DiffColumn
          label={t("version", { version: diff.version })}
          text={describe(activity.after)}
          empty={t("notInVersion")}
        />
      </div>
    </li>
  );
}
