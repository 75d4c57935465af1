import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";

import { getLocaleHref } from "@/i18n/server";

import { requirePage } from "@/server/policy/page-guard";
import { myWork } from "@/server/queries/my-work";

import { workDetailText } from "./work-detail";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("WorkspaceMyWork");
  return { title: t("title") };
}

export default async function MyWorkPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePage("workspace.my-work", null, "/my-work");
  const [sections, params, t, tReport, tDashboard, tState, locale, href] = await Promise.all([
    myWork(viewer),
    searchParams,
    getTranslations("WorkspaceMyWork"),
    getTranslations("ReportWords"),
    getTranslations("Dashboard"),
    getTranslations("DesignationStates"),
    getLocale(),
    getLocaleHref(),
  ]);
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{t("title")}</h1>
        <p className="text-muted">{t("signedInAs", { name: viewer.name })}</p>
      </div>
      {params.invited === "1" && (
        <p role="status" className="rounded-md border-s-4 border-green-700 bg-green-50 p-4 text-green-900">
          {t("invited")}
        </p>
      )}
      {sections.length === 0 && <p>{t("noRole")}</p>}
      {sections.map((section) => (
        <section
          key={section.id}
          aria-labelledby={`${section.id}-heading`}
          className="space-y-3"
          data-testid={section.id}
        >
          <h2 id={`${section.id}-heading`} className="text-xl font-semibold">
            {t(`${section.kind}.title`)}{" "}
            <span className="text-base font-normal text-muted">({section.items.length})</span>
          </h2>
          {section.items.length === 0 ? (
            <p className="text-muted">{t(`${section.kind}.empty`)}</p>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {section.items.map((item) => (
                <li key={item.key} className="px-4 py-3">
                  {item.href ? (
                    <Link href={href(item.href)} className="font-medium">
                      {item.title}
                    </Link>
                  ) : (
                    <span className="font-medium">{item.title}</span>
                  )}
                  <p className="text-sm text-muted">
                    {workDetailText({ t, tReport, tDashboard, tState }, locale, item.parts)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
