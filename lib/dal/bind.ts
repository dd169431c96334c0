import "server-only";
import { forbidden } from "next/navigation";
import type { Action } from "@/lib/auth/permissions";
import { RefusedError, type Actor } from "./actor";
import { getDb, type Db } from "./connection";
import { MESSAGES, type ChangeResult } from "./result";
import { logDenied, requestIp, requireUser, verifySession } from "./session";

/*
 * The one place where the session meets the data layer. Every data-layer function takes the
 * database and the actor explicitly (so its rules are tested without a request); the functions
 * app/ calls are those same functions run through `read` or `change` here, which supply the
 * signed-in person and turn a refusal into the 403 page or a message, logged either way.
 */

type Options = { allowPending?: boolean };

/**
 * The signed-in staff member as an Actor; null when signed out, or while a first step (a new
 * password, two-factor enrolment) is still owed, unless the caller allows that.
 */
export async function sessionActor({ allowPending = false }: Options = {}): Promise<Actor | null> {
  const user = await verifySession();
  if (!user) return null;
  if (!allowPending && (user.mustChangePassword || user.mustEnrollTotp)) return null;
  return { id: user.id, name: user.name, role: user.role, unit: user.unit, ip: await requestIp() };
}

type Run<T> = (db: Db, actor: Actor | null) => T | Promise<T>;

/** Records a refused attempt as `security.denied`, with the action and the object it was on. */
export async function logRefusal(action: Action, objectId: string | number = ""): Promise<void> {
  await logDenied(await verifySession(), action, String(objectId));
}

/**
 * A read for a page, as the signed-in person. Signed out, the page sends them to sign in; with a
 * first step owed, to that step (requireUser); a refusal is logged and answered with the 403 page.
 */
export async function read<T>(run: Run<T>, options: Options = {}): Promise<T> {
  await requireUser(options);
  const actor = await sessionActor(options);
  try {
    return await run(getDb(), actor);
  } catch (error) {
    if (!(error instanceof RefusedError)) throw error;
    await logRefusal(error.action, error.objectId);
    forbidden();
  }
}

/** A read for a route handler: a refusal is logged and answered with null, for the route to say 401 or 403 itself. */
export async function readOrNull<T>(run: Run<T>, options: Options = {}): Promise<T | null> {
  const actor = await sessionActor(options);
  try {
    return await run(getDb(), actor);
  } catch (error) {
    if (!(error instanceof RefusedError)) throw error;
    await logRefusal(error.action, error.objectId);
    return null;
  }
}

/**
 * A change as the signed-in person. A refusal, thrown (the role may not do this at all) or
 * returned as `denied` (not this person's object), is logged with `action` and `objectId` and
 * answered with a message; nothing was written.
 */
export async function change<T extends object>(action: Action, objectId: string | number, run: Run<ChangeResult<T>>, options: Options = {}): Promise<ChangeResult<T>> {
  const actor = await sessionActor(options);
  try {
    const result = await run(getDb(), actor);
    if (!result.ok && result.denied) await logRefusal(action, objectId);
    return result;
  } catch (error) {
    if (!(error instanceof RefusedError)) throw error;
    await logRefusal(error.action, error.objectId || String(objectId));
    return { ok: false, denied: true, message: MESSAGES.forbidden };
  }
}
