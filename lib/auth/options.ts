import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/dal/connection";
import { logSignOut, sessionAccountIsCurrent } from "@/lib/dal/auth/session-state";
import { siteUrl } from "@/lib/site";
import { clientIp } from "./client-ip";
import { authSecret } from "./secret";
import { isExpiredAbsolutely, SESSION_IDLE_SECONDS, type SessionClaims } from "./session-policy";
import { attemptSignIn } from "@/lib/dal/auth/sign-in";

const REVOKED = "SESSION_REVOKED";

/** A session is only as good as the account behind it: re-read on every request. */
function assertSessionStillValid(claims: Partial<SessionClaims>): SessionClaims {
  const { uid, tv, authTime } = claims;
  if (typeof uid !== "number" || typeof tv !== "number" || typeof authTime !== "number") throw new Error(REVOKED);
  if (!sessionAccountIsCurrent(uid, tv) || isExpiredAbsolutely({ authTime })) throw new Error(REVOKED);
  return { uid, tv, authTime };
}

let options: NextAuthOptions | undefined;

/** Built on first use: the secret may be generated on first start, which must not happen at build time. */
export function authOptions(): NextAuthOptions {
  if (options) return options;
  const secure = siteUrl().startsWith("https://");
  options = {
    secret: authSecret(),
    useSecureCookies: secure,
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
        async authorize(credentials, req) {
          const result = await attemptSignIn(getDb(), {
            email: String(credentials?.email ?? ""),
            password: String(credentials?.password ?? ""),
            code: credentials?.code ? String(credentials.code) : undefined,
            ip: clientIp(req?.headers ?? {}),
          });
          if (!result.ok) throw new Error(result.code === "LOCKED" ? `LOCKED:${result.until.toISOString()}` : result.code);
          return { id: String(result.user.id), name: result.user.name, email: result.user.email, tv: result.user.tokenVersion };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const claims: SessionClaims = { uid: Number(user.id), tv: (user as unknown as { tv: number }).tv, authTime: Date.now() };
          return { ...token, ...claims };
        }
        return { ...token, ...assertSessionStillValid(token as Partial<SessionClaims>) };
      },
      // What /api/auth/session shows the browser: no token version, no secrets.
      async session({ session, token }) {
        return { expires: session.expires, user: { id: token.uid as number, name: token.name ?? "" } };
      },
    },
    events: {
      async signOut({ token }) {
        const uid = (token as Partial<SessionClaims> | null)?.uid;
        if (typeof uid !== "number") return;
        logSignOut(uid, String(token?.name ?? ""));
      },
    },
    logger: {
      // A revoked session is the system working, not an error worth a stack trace.
      error(code, metadata) {
        const message = metadata instanceof Error ? metadata.message : (metadata as { error?: Error })?.error?.message;
        if (code === "JWT_SESSION_ERROR" && message === REVOKED) return;
        console.error(`[next-auth] ${code}`, metadata);
      },
      warn(code) {
        if (code !== "NEXTAUTH_URL") console.warn(`[next-auth] ${code}`);
      },
      debug() {},
    },
  };
  return options;
}
