// The public sections of the site, shown to everyone. Plain links, not
// next/link: a Link in view is prefetched, so every page load also rendered
// these four pages for a visitor who may open none of them (decision 0024).
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
            <a href={link.href}>{link.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
