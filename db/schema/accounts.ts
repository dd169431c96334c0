// Staff accounts, sign-in and the append-only activity log.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ROLES, SIGN_IN_OUTCOMES, USER_STATUSES } from "../vocabulary";
import { createdAt, updatedAt } from "./columns";

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull().default("author"),
    // The unit a staff member writes for; it becomes the default source line of their posts.
    unit: text("unit").notNull().default(""),
    passwordHash: text("password_hash"),
    status: text("status", { enum: USER_STATUSES }).notNull().default("active"),
    // Bumped to end every session of this user at once (disable, role change, password reset).
    tokenVersion: integer("token_version").notNull().default(0),
    // Set for a temporary password (first admin, created or reset by an admin): choose a new one first.
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    // Base32 TOTP secret; null until enrolment is confirmed with a first valid code.
    totpSecret: text("totp_secret"),
    totpPendingSecret: text("totp_pending_secret"),
    // The 30-second step of the last code accepted at sign-in: a code is good once, not twice.
    totpLastStep: integer("totp_last_step"),
    lastSignInAt: integer("last_sign_in_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // E-mails are stored lower-cased, so this unique index is case-insensitive in effect.
  (t) => [uniqueIndex("users_email_unique").on(t.email), index("users_role_status_idx").on(t.role, t.status)],
);

/** One-time codes for signing in without the authenticator app; only their hashes are kept. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** Every sign-in attempt, kept in the database so throttling survives a restart. */
export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    outcome: text("outcome", { enum: SIGN_IN_OUTCOMES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sign_in_attempts_email_idx").on(t.email, t.createdAt), index("sign_in_attempts_ip_idx").on(t.ip, t.createdAt)],
);

/**
 * Append-only log of who did what to which object (triggers in the migration refuse UPDATE and
 * DELETE). The actor's name is copied so the log reads the same after the account changes.
 */
export const activityLog = sqliteTable(
  "activity_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull().default(""),
    action: text("action").notNull(),
    objectType: text("object_type").notNull().default(""),
    objectId: text("object_id").notNull().default(""),
    summary: text("summary").notNull().default(""),
    ip: text("ip").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    index("activity_log_created_idx").on(t.createdAt),
    index("activity_log_actor_idx").on(t.actorId, t.createdAt),
    index("activity_log_action_idx").on(t.action, t.createdAt),
  ],
);

/** Site-wide settings an admin changes from the browser (e.g. which roles must use two-factor sign-in). */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
  updatedAt: updatedAt(),
});
