import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Tx } from '../kernel/db/database.js';
import type { EventSubscriber, JobHandler } from '../kernel/jobs.js';
import type { MemberDataParticipant } from './members/index.js';

/**
 * The module contract: what each `modules/<name>/index.ts` hands app.ts from its
 * `createXModule(deps)`. app.ts builds the list and loops over it — mounts the routes, registers the
 * job handlers and event subscribers, joins the participants to members' merges, exports and
 * erasure, queues the schedules, and stops background work at shutdown. A module adds what other
 * modules may use (its services, read functions) beside these fields. docs/new-module.md.
 */
export interface KithModule {
  /** The module's folder under src/modules. */
  readonly name: string;
  /** API routes, mounted under /api/v1. */
  readonly routes: FastifyPluginAsyncTypebox[];
  /** Job handlers this module's jobs run with. */
  readonly jobs?: JobHandler[];
  /** Subscribers to events other modules (or this one) publish through the outbox. */
  readonly subscribers?: EventSubscriber[];
  /** Its part of merging, exporting and erasing a member's data. */
  readonly participant?: MemberDataParticipant;
  /** Queues its recurring jobs; idempotent, called at every start inside a transaction. */
  schedule?(tx: Tx): Promise<void>;
  /** Ends background work (imports under way) before the database closes. */
  stop?(): Promise<void>;
}

/** Checks a module's object against the contract while keeping its own fields typed. */
export const kithModule = <T extends KithModule>(m: T): T => m;
