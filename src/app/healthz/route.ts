// Liveness for load balancers and orchestrators (decision 0027): the process
// is up and answers HTTP. Touches nothing else, the database least of all, so
// a database outage never gets healthy instances restarted.
export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
