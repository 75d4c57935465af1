import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { requirePage } from "@/server/policy/page-guard";
import { listOutbox, mailPageEnabled } from "@/server/queries/outbox";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminMail");
  return { title: t("title") };
}

// split() with a capturing group puts the links at the odd positions.
const linkPattern = /(https?:\/\/\S+)/;

/** Only in demo/development mode, only for administrators: the mail the app would have sent. */
export default async function MailPage() {
  if (!mailPageEnabled()) notFound();
  const viewer = await requirePage("mail.read", null, "/admin/mail");
  const [messages, t] = await Promise.all([listOutbox(viewer), getTranslations("AdminMail")]);
  const stateText = (state: string) => {
    const key = `state.${state}` as "state.PENDING";
    return t.has(key) ? t(key) : state.toLowerCase();
  };
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{t("title")}</h1>
      <p className="text-muted">{t("intro")}</p>
      {messages.length === 0 && <p>{t("none")}</p>}
      <ol className="space-y-4">
        {messages.map((message) => (
          <li
            key={message.id}
            className="rounded-lg border border-slate-200 bg-white p-4"
            data-testid="mail-message"
          >
            <p className="text-sm text-muted">
              {t.rich("meta", {
                email: message.toEmail,
                when: message.createdAt.toISOString().slice(0, 16).replace("T", " "),
                state: stateText(message.state),
                address: (chunks) => <span className="font-medium text-ink">{chunks}</span>,
              })}
            </p>
            {/* Each mail is in its recipient's language, not the page's: its own
                direction from its first letters (an Arabic mail reads right to left). */}
            <h2 dir="auto" className="mt-1 font-semibold">
              {message.subject}
            </h2>
            <p dir="auto" className="mt-2 whitespace-pre-wrap break-words text-sm">
              {message.textBody.split(linkPattern).map((part, index) =>
                index % 2 === 1 ? (
                  <a key={index} href={part}>
                    {part}
                  </a>
                ) : (
                  part
                ),
              )}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
