import { getTranslations } from "next-intl/server";

import { parseCommentAnchor } from "@/domain/comment-anchor";
import { addCommentAction, resolveCommentAction } from "@/server/commands/designation/actions";
import type { DesignationPage } from "@/server/queries/designation-page";

import { ActionForm, type FieldSpec } from "./action-form";
import { utcDateTime } from "@/domain/dates";

type Comment = DesignationPage["designation"]["comments"][number];

type Translator = Awaited<ReturnType<typeof getTranslations<"DesignationComments">>>;

/** What a comment is about, in words: "on ToR 2" or "on activity “…”" for an anchored one. */
function subject(t: Translator, page: DesignationPage, anchor: string | null): string | null {
  const parsed = parseCommentAnchor(anchor);
  if (!parsed) return null;
  if (parsed.kind === "return") return t("withReturn");
  if (parsed.kind === "activity") {
    const activity = page.designation.activities.find((item) => item.id === parsed.activityId);
    return activity ? t("onActivity", { title: activity.title }) : null;
  }
  const index = page.designation.termsOfReference.findIndex((item) => item.id === parsed.torItemId);
  return index >= 0 ? t("onTor", { number: index + 1 }) : null;
}

export async function CommentItem({ page, comment }: { page: DesignationPage; comment: Comment }) {
  const t = await getTranslations("DesignationComments");
  const about = subject(t, page, comment.anchor);
  return (
    <li
      className={`rounded-lg border p-4 ${comment.resolvedAt ? "border-slate-200 bg-slate-50" : "border-amber-300 bg-white"}`}
    >
      <p className="text-sm text-muted">
        {comment.author.name} · {utcDateTime(comment.createdAt)} ·{" "}
        {comment.visibility === "INTERNAL" ? t("internal") : t("visibleToCentre")}
        {about ? ` · ${about}` : ""}
        {comment.resolvedAt ? ` · ${t("resolved")}` : ""}
      </p>
      <p className="mt-1 whitespace-pre-line">{comment.body}</p>
      {!comment.resolvedAt && page.permissions["comment.resolve"] && (
        <div className="mt-2">
          <ActionForm
            action={resolveCommentAction}
            hidden={{ designationId: page.designation.id, commentId: comment.id, version: comment.version }}
            submitLabel={t("markResolved")}
            variant="secondary"
          />
        </div>
      )}
    </li>
  );
}

/** A new comment, about the whole designation or (with `anchor`) one part of it. */
export async function CommentForm({
  page,
  anchor,
  label,
}: {
  page: DesignationPage;
  anchor?: string;
  label?: string;
}) {
  if (!page.permissions["comment.create"]) return null;
  const t = await getTranslations("DesignationComments");
  const internal = page.permissions["comment.create-internal"];
  const hidden: Record<string, string | number> = { designationId: page.designation.id };
  if (anchor) hidden.anchor = anchor;
  if (!internal) hidden.visibility = "CENTRE";
  const fields: FieldSpec[] = [{ name: "body", label: t("yourComment"), kind: "textarea" }];
  if (internal) {
    fields.push({
      name: "visibility",
      label: t("whoCanSee"),
      kind: "select",
      options: [
        { value: "INTERNAL", label: t("whoOnly") },
        { value: "CENTRE", label: t("whoAndCentre") },
      ],
      defaultValue: "INTERNAL",
    });
  }
  return (
    <ActionForm
      action={addCommentAction}
      hidden={hidden}
      fields={fields}
      submitLabel={t("add")}
      variant="secondary"
      legend={label}
    />
  );
}

/**
 * The comments about one part of the form (a ToR item, an activity), shown
 * next to it, with a form to add one there. They are also in the list of all
 * comments, so one about a removed part is never lost.
 */
export async function AnchoredComments({
  page,
  anchor,
  about,
}: {
  page: DesignationPage;
  anchor: string;
  /** Names the part, in the page's language: "ToR 1", "activity “Review of laws”". */
  about: string;
}) {
  const t = await getTranslations("DesignationComments");
  const comments = page.designation.comments.filter((comment) => comment.anchor === anchor);
  return (
    <div className="space-y-2">
      {comments.length > 0 && (
        <ul className="space-y-2" aria-label={t("commentsOn", { about })}>
          {comments.map((comment) => (
            <CommentItem key={comment.id} page={page} comment={comment} />
          ))}
        </ul>
      )}
      {page.permissions["comment.create"] && (
        <details>
          <summary className="cursor-pointer text-sm font-medium">{t("commentOn", { about })}</summary>
          <div className="mt-3">
            <CommentForm page={page} anchor={anchor} label={t("commentOn", { about })} />
          </div>
        </details>
      )}
    </div>
  );
}

/** Comments stay with the designation across returns and resubmissions; internal ones only for WHO. */
export async function CommentsSection({ page }: { page: DesignationPage }) {
  const t = await getTranslations("DesignationComments");
  const { designation } = page;
  return (
    <section aria-labelledby="comments" className="space-y-4">
      <h2 id="comments" className="text-xl font-semibold">
        {t("title")} <span className="text-base font-normal text-muted">({designation.comments.length})</span>
      </h2>
      {designation.comments.length === 0 && <p className="text-muted">{t("none")}</p>}
      <ul className="space-y-3">
        {designation.comments.map((comment) => (
          <CommentItem key={comment.id} page={page} comment={comment} />
        ))}
      </ul>
      <CommentForm page={page} />
    </section>
  );
}
