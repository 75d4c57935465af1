import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import Link from "next/link";

import { AccountNav } from "@/components/account-nav";
import { SiteNav } from "@/components/site-nav";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Collaborating Centres Registry", template: "%s · Collaborating Centres Registry" },
  description:
    "The directory of collaborating centres: institutions designated to support the programmes of a global health network.",
  // The site icon from public/ (the manifest, app/manifest.ts, names the same files).
  icons: {
    icon: [
      { url: "/icon.svg", type: "image/svg+xml" },
      { url: "/icon-192.png", type: "image/png", sizes: "192x192" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
};

// The browser's toolbar in the brand colour (brand-700, as in the manifest).
export const viewport: Viewport = { themeColor: "#084b70" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={GeistSans.variable}>
      <body className="flex min-h-screen flex-col font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
        >
          Skip to main content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
            <Link href="/" className="text-lg font-semibold text-brand-800 no-underline">
              Collaborating Centres Registry
            </Link>
            <div className="flex flex-wrap items-center gap-6">
              <SiteNav />
              <AccountNav />
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-muted">
            Directory data: WHO collaborating centres as listed in WHO&apos;s public database (2022), from a
            CC0-licensed compilation. This is an independent open-source project.
          </div>
        </footer>
      </body>
    </html>
  );
}
