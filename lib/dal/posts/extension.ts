/**
 * What a kind with its own table (a legal document's registry fields) adds to the one save:
 * checked before anything is written, and written in the same transaction right after the posts
 * row, so a content save and its kind's fields commit or fail together.
 */
import "server-only";
import type { Tx } from "@/lib/dal/connection";
import type { ChangeFailure } from "@/lib/dal/result";

export type KindExtension = {
  /** Checks against the database (a duplicate number, a missing relation); a failure stops the save with nothing written. */
  check(tx: Tx, postId: number | null): ChangeFailure | null;
  /** What the save would change in the kind's own rows, as activity-log labels; empty when nothing. */
  changes(tx: Tx, postId: number): string[];
  /** Writes the kind's rows for the post just written (its search index row too). */
  write(tx: Tx, postId: number): void;
};
