// The demo accounts, listed in README.md. They exist only in demo mode: the
// seed refuses to run unless demo mode is on (see seed-demo.ts).
export const DEMO_PASSWORD = "registry-demo-2026";

export type DemoRole =
  | { role: "ADMIN" }
  | { role: "OFFICER" }
  | { role: "UNIT_HEAD"; unitCode: string }
  | { role: "FOCAL_POINT"; regionCode: string }
  | { role: "CENTRE_STAFF"; centreReference: string };

export type DemoAccount = { key: string; email: string; name: string; roles: DemoRole[] };

export const demoAccounts = [
  { key: "admin", email: "admin@registry.example", name: "Amira Haddad", roles: [{ role: "ADMIN" }] },
  { key: "officer", email: "officer@who.example", name: "Ingrid Olsen", roles: [{ role: "OFFICER" }] },
  {
    key: "unitHead",
    email: "unit.head@who.example",
    name: "Kwame Mensah",
    roles: [{ role: "OFFICER" }, { role: "UNIT_HEAD", unitCode: "DHI" }],
  },
  {
    key: "focalEuro",
    email: "focal.euro@who.example",
    name: "Lena Novak",
    roles: [{ role: "FOCAL_POINT", regionCode: "EURO" }],
  },
  {
    key: "focalAfro",
    email: "focal.afro@who.example",
    name: "Nomvula Dlamini",
    roles: [{ role: "FOCAL_POINT", regionCode: "AFRO" }],
  },
  {
    key: "staffNor18",
    email: "staff.nor18@centre.example",
    name: "Eirik Hansen",
    roles: [{ role: "CENTRE_STAFF", centreReference: "NOR-18" }],
  },
  {
    key: "staffSoa13",
    email: "staff.soa13@centre.example",
    name: "Thandi Khumalo",
    roles: [{ role: "CENTRE_STAFF", centreReference: "SOA-13" }],
  },
] as const satisfies readonly DemoAccount[];

export type DemoAccountKey = (typeof demoAccounts)[number]["key"];

export const demoUnits = [
  { code: "DHI", name: "Digital Health and Innovation" },
  { code: "HWF", name: "Health Workforce" },
  { code: "GTB", name: "Global Tuberculosis Programme" },
  { code: "NFS", name: "Nutrition and Food Safety" },
  { code: "NCD", name: "Noncommunicable Diseases" },
] as const;
