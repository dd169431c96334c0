import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { requestIdFor } from "@/lib/server/request-log";

const request = (id?: string) => ({ headers: id === undefined ? {} : { "x-request-id": id } }) as unknown as IncomingMessage;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("requestIdFor", () => {
  it("keeps a trusted proxy's well-formed id, so one request can be followed through both logs", () => {
    expect(requestIdFor(request("nginx-7f3a.12:9"), true)).toBe("nginx-7f3a.12:9");
  });

  it("makes a new id when the sender is not a trusted proxy, or the id is missing or malformed", () => {
    expect(requestIdFor(request("gia-mao"), false)).toMatch(UUID);
    expect(requestIdFor(request(), true)).toMatch(UUID);
    expect(requestIdFor(request('x"\n{"level":"error"}'), true)).toMatch(UUID);
    expect(requestIdFor(request("a".repeat(129)), true)).toMatch(UUID);
  });
});
