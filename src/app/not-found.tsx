import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold text-brand-800">Page not found</h1>
      <p className="text-muted">
        We could not find what you were looking for. A centre&apos;s address is its reference number, for
        example <Link href="/centres/NOR-18">/centres/NOR-18</Link>.
      </p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </div>
  );
}
