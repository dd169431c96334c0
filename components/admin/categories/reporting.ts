import type { ActionState } from "@/lib/auth/guards";

export type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** A result stamped with the time it arrived, so the same message twice is still announced twice. */
export type CategoryResult = ActionState & { at: number };

/**
 * Wraps a server action so its result also reaches the page's single live region: rows can
 * disappear (deleted) or move (reordered) with the result, so the message cannot live in a row.
 */
export function reporting(action: FormAction, report: (result: CategoryResult) => void): FormAction {
  return async (previous, formData) => {
    const result = await action(previous, formData);
    report({ ...result, at: Date.now() });
    return result;
  };
}
