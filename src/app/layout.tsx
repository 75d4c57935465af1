import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { AccountNav } from "@/components/account-nav";
import { ErrorTextsProvider } from "@/components/error-texts";
import { LanguageSwitcher } from "@/components/language-switcher";
import { SiteNav } from "@/components/site-nav";
import { defaultLocale, localePath, locales, textDirection } from "@/i18n/locales";
import { pagePathHeader } from "@/server/http/locale-routing";
import { siteOrigin } from "@/server/public-api/site-origin";

import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Site");
  // The page's address in every language, for search engines (hreflang); the
  // proxy passes the page's path without its prefix (decision 0026).
  const page = (await headers()).get(pagePathHeader);
  const origin = siteOrigin();
  return {
    title: { default: t("name"), template: t("titleTemplate", { page: "%s" }) },
    description: t("description"),
    ...(page && {
      alternates: {
        languages: {
          ...Object.fromEntries(locales.map((locale) => [locale, `${origin}${localePath(locale, page)}`])),
          "x-default": `${origin}${localePath(defaultLocale, page)}`,
        },
      },
    }),
    // The site icon from public/ (the manifest, app/manifest.ts, names the same files).
    icons: {
      icon: [
        { url: "/icon.svg", type: "image/svg+xml" },
        { url: "/icon-192.png", type: "image/png", sizes: "192x192" },
      ],
      apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
    },
  };
}

// The browser's toolbar in the brand colour (brand-700, as in the manifest).
export const viewport: Viewport = { themeColor: "#084b70" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("Site");
  const tSwitcher = await getTranslations("LanguageSwitcher");
  const tError = await getTranslations("ErrorPage");
  return (
    <html lang={locale} dir={textDirection(locale)} className={GeistSans.variable}>
      <body className="flex min-h-screen flex-col font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:start-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
        >
          {t("skipLink")}
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
            {/* A plain link, as the navigation's (decision 0024): next/link would prefetch the home page from every page. */}
            <a href={localePath(locale, "/")} className="text-lg font-semibold text-brand-800 no-underline">
              {t("name")}
            </a>
            <div className="flex flex-wrap items-center gap-6">
              <SiteNav />
              <AccountNav />
              <Suspense>
                <LanguageSwitcher current={locale} label={tSwitcher("label")} />
              </Suspense>
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {/* The error page's words (app/error.tsx is a client component Next renders with only the error). */}
          <ErrorTextsProvider
            texts={{
              heading: tError("heading"),
              text: tError("text"),
              reference: tError("reference", { digest: "{digest}" }),
              retry: tError("retry"),
            }}
          >
            {children}
          </ErrorTextsProvider>
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-muted">{t("footer")}</div>
        </footer>
      </body>
    </html>
  );
}
