import type { Role } from "@/domain/permissions";

/** The one-letter names the hand-written expectation tables use for roles. */
export const roleLetter: Record<Role, "A" | "O" | "U" | "F" | "S"> = {
  ADMIN: "A",
  OFFICER: "O",
  UNIT_HEAD: "U",
  FOCAL_POINT: "F",
  CENTRE_STAFF: "S",
};
