import "server-only";

import { problem } from "@/domain/problem";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit, type AuditEntry } from "@/server/audit/record-audit";
import { prisma } from "@/server/db/client";
import { deliverOutbox, logMailFailure } from "@/server/mail/deliver-outbox";

import { CommandError, ConflictError, type CommandContext, type ConflictNoun } from "./command";
import { answerOnce, claimKey, isUniqueViolation, type KeyedRequest } from "./idempotency";

// THE write path of every command that changes a life-cycle record
// (designation, annual report, evaluation, centre): docs/decisions/0018-one-write-path.md.

const NOT_FOUND = problem("notFound");

/** How the write path reads and compare-and-sets one kind of record (see life-cycle-records.ts). */
export type LifeCycleRecord<R, S extends string, Data> = {
  /** The audit row's entity type ("AnnualReport"). */
  entity: string;
  /** The record as the loser of a race is told of it ("report"); without one, the plain conflict message. */
  noun?: ConflictNoun;
  /** The record as the domain rule needs it, read from the database (never from the form). */
  load: (id: number) => Promise<R | null>;
  version: (record: R) => number;
  /** The state its permission is checked in. */
  state: (record: R) => S;
  /**
   * Writes `data` (and the new state, when it moves) and moves the version on,
   * only if the version and state are still those loaded: the id of the row
   * written, or null when someone else changed it first.
   */
  compareAndSet: (tx: Prisma.TransactionClient, record: R, to: S, data: Data) => Promise<number | null>;
  transaction?: { maxWait: number; timeout: number };
};

/** The domain rule's answer: where the change takes the record (and what it worked out), or why it may not. */
export type Verdict<D> =
  ({ ok: true } & D) | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export type RecordChange<R, S extends string, Data, D extends { to: S }, W> = {
  /** The audit row's action, and the scope of the idempotency key ("report.submit"). */
  action: string;
  /** The record the form names, the version it was loaded with, and its idempotency key (if it has one). */
  id: number;
  version: number;
  key?: string;
  /** The domain rule, given the record (and any further fact it needs, read here). */
  rule: (record: R) => Verdict<D> | Promise<Verdict<D>>;
  /** The columns written with the compare-and-set (never the form copied wholesale). */
  data: (record: R, decision: D) => Data;
  /** Further rows, in the same transaction, once the compare-and-set has succeeded on row `rowId`. */
  write?: (tx: Prisma.TransactionClient, record: R, decision: D, rowId: number) => Promise<W>;
  /** The audit row; entity, from and to default to the record written, its state before and `decision.to`. */
  audit: (
    record: R,
    decision: D,
    written: { rowId: number; result: W },
  ) => Omit<AuditEntry, "actor" | "meta" | "action">;
  /** Mail to whoever acts next, queued in the outbox in the same transaction, sent after it commits. */
  notify?: (tx: Prisma.TransactionClient, record: R, decision: D) => Promise<void>;
  /** The answer (a path, for a command that redirects); every copy of a keyed request gets the same. */
  message: string | ((record: R, written: { rowId: number; result: W }) => string);
};

/**
 * Changes one life-cycle record, in this order: a copy of a keyed request
 * already handled gets the first answer (answerOnce); load the record; check
 * the form's version; apply the domain rule; then in one transaction the
 * compare-and-set on (version, state), the change's other rows, the
 * idempotency key, the audit row and the outbox mail; after it commits, the
 * mail is sent. A compare-and-set that finds the record changed (or a racing
 * insert) re-reads it, so the loser of a race is told the state the winner left.
 */
export async function changeRecord<R, S extends string, Data, D extends { to: S }, W = void>(
  context: Pick<CommandContext<unknown>, "viewer" | "role" | "meta">,
  records: LifeCycleRecord<R, S, Data>,
  change: RecordChange<R, S, Data, D, W>,
): Promise<{ message: string }> {
  const { viewer, role, meta } = context;
  const request: KeyedRequest = {
    key: change.key,
    userId: viewer.id,
    action: change.action,
    subject: change.id,
  };
  const apply = async () => {
    const record = await records.load(change.id);
    if (!record) throw new CommandError(NOT_FOUND);
    if (records.version(record) !== change.version) throw conflictWith(records, record);
    const verdict = await change.rule(record);
    if (!verdict.ok) throw new CommandError(verdict.message, verdict.fieldErrors);
    const decision: D = verdict;
    const from = records.state(record);
    try {
      const answer = await prisma.$transaction(async (tx) => {
        const rowId = await records.compareAndSet(tx, record, decision.to, change.data(record, decision));
        if (rowId === null) throw new ConflictError();
        const result = change.write ? await change.write(tx, record, decision, rowId) : (undefined as W);
        const written = { rowId, result };
        const message = typeof change.message === "string" ? change.message : change.message(record, written);
        await claimKey(tx, request, { message, from });
        await recordAudit(tx, {
          actor: { id: viewer.id, role },
          action: change.action,
          entity: { type: records.entity, id: rowId },
          from,
          to: decision.to,
          meta,
          ...change.audit(record, decision, written),
        });
        await change.notify?.(tx, record, decision);
        return { message, from };
      }, records.transaction);
      if (change.notify) void deliverOutbox(prisma).catch(logMailFailure);
      return answer;
    } catch (error) {
      if (error instanceof ConflictError || isUniqueViolation(error)) throw await reread(records, change.id);
      throw error;
    }
  };

  const { message } = await answerOnce(request, apply);
  return { message };
}

/** The conflict the loser of a race is told: the record re-read, named with the state the winner left it in. */
export async function reread<R, S extends string>(
  records: LifeCycleRecord<R, S, never>,
  id: number,
): Promise<ConflictError> {
  return conflictWith(records, await records.load(id));
}

function conflictWith<R, S extends string>(
  records: LifeCycleRecord<R, S, never>,
  record: R | null,
): ConflictError {
  if (!records.noun) return new ConflictError();
  return new ConflictError({ noun: records.noun, state: record ? records.state(record) : null });
}

type StateRow<S extends string> = { id: number; version: number; state: S };
type Moved<S extends string> = { state?: S; stateChangedAt?: Date; version: { increment: number } };

/**
 * The usual compare-and-set of a record with a `state` column: written only
 * while its version and state are those loaded; the version moves on, and a
 * state that moves is stamped with the time.
 */
export async function compareAndSetState<S extends string, Data extends object>(
  updateMany: (args: { where: StateRow<S>; data: Data & Moved<S> }) => Promise<{ count: number }>,
  record: StateRow<S>,
  to: S,
  data: Data,
): Promise<number | null> {
  const moved = to === record.state ? {} : { state: to, stateChangedAt: new Date() };
  const updated = await updateMany({
    where: { id: record.id, version: record.version, state: record.state },
    data: { ...data, ...moved, version: { increment: 1 } },
  });
  return updated.count === 0 ? null : record.id;
}
