import "server-only";
import type { Role } from "@/db/vocabulary";
import { can, type Action } from "@/lib/auth/permissions";

/**
 * Who is acting, as every data-layer function takes it: the signed-in staff member (from the
 * session, through lib/dal/bind.ts) or, in tests and CLIs, one made by hand. The address is the
 * client's, for the activity log.
 */
export type Actor = { id: number; name: string; role: Role; unit: string; ip: string };

/**
 * Thrown when the actor may not do this at all (no session, a role without the permission, a
 * first step still pending). The session binder logs it as `security.denied` with the action and
 * answers with the 403 page or a refusal message; nothing was written.
 */
export class RefusedError extends Error {
  constructor(
    readonly action: Action,
    readonly objectId: string = "",
  ) {
    super(`${action} refused`);
    this.name = "RefusedError";
  }
}

/** Asserts the actor exists and their role allows `action`; otherwise a RefusedError naming it. */
export function requireRole(actor: Actor | null, action: Action, objectId: string | number = ""): asserts actor is Actor {
  if (!actor || !can(actor.role, action)) throw new RefusedError(action, String(objectId));
}

/** How the activity log names an actor (its id and name, copied so the log reads the same later). */
export const logActor = (actor: Pick<Actor, "id" | "name">) => ({ id: actor.id, name: actor.name });
