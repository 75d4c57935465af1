import { WorkspaceNav } from "@/components/workspace-nav";
import { getViewer } from "@/server/auth/viewer";
import { mailPageEnabled } from "@/server/queries/outbox";

// The workspace's own navigation. Not a guard: each page checks its own
// permission (layouts do not re-run on every navigation).
export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  return (
    <div className="space-y-6">
      {viewer && <WorkspaceNav viewer={viewer} mailPage={mailPageEnabled()} />}
      {children}
    </div>
  );
}
