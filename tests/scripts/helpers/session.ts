/** Signs in through next-auth's Credentials flow (CSRF token, then the callback), as a browser would; returns the Cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(callback);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`sign-in failed for ${email}: ${callback.status}`);
  return header();
}

export type DraftResponse = { status: number; body: { id?: number; error?: string; field?: string } };

/** POST /api/admin/posts as a same-origin script. */
export async function createDraft(baseUrl: string, cookie: string, draft: Record<string, unknown>, headers: Record<string, string> = {}): Promise<DraftResponse> {
  const response = await fetch(`${baseUrl}/api/admin/posts`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl, cookie, ...headers },
    body: JSON.stringify(draft),
    signal: AbortSignal.timeout(15_000), // a request to a process killed mid-answer never ends otherwise
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as DraftResponse["body"] };
}
