import type { MetadataRoute } from "next";

// The web manifest, served at /manifest.webmanifest; Next links it from every
// page's head itself. Colours from the design (globals.css): brand-700 for the
// browser's toolbar, the page background behind the splash screen. The icons
// live in public/ (scripts/make-icons.ts renders the PNGs from icon.svg).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Collaborating Centres Registry",
    short_name: "Centres",
    description:
      "The directory of collaborating centres: institutions designated to support the programmes of a global health network.",
    start_url: "/",
    display: "standalone",
    background_color: "#fbfcfd",
    theme_color: "#084b70",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}
