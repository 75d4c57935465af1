import { centreStatusLabels, type CentreStatus } from "@/domain/centre-status";

const tones: Record<CentreStatus, string> = {
  ACTIVE: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
  PENDING: "bg-amber-50 text-amber-900 ring-amber-600/30",
  PROPOSED: "bg-sky-50 text-sky-800 ring-sky-600/30",
  CLOSED: "bg-slate-100 text-slate-700 ring-slate-500/30",
  TERMINATED: "bg-rose-50 text-rose-800 ring-rose-600/30",
  NOT_DESIGNATED: "bg-slate-100 text-slate-700 ring-slate-500/30",
};

export function StatusBadge({ status }: { status: CentreStatus }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset ${tones[status]}`}
    >
      {centreStatusLabels[status]}
    </span>
  );
}
