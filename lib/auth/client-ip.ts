/** Set by server.ts from the socket (or a trusted proxy); any value a client sends is overwritten there. */
export const CLIENT_IP_HEADER = "x-cms-client-ip";

export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER];
  const ip = Array.isArray(value) ? value[0] : value;
  return ip?.trim() || "không rõ";
}
