import Link from "next/link";

// The public sections of the site, shown to everyone.
const links = [
  { href: "/", label: "Home" },
  { href: "/centres", label: "Centres" },
  { href: "/map", label: "Map" },
  { href: "/stats", label: "Statistics" },
];

export function SiteNav() {
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm font-medium">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
