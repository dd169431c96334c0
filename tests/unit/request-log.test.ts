import type { IncomingMessage } from "node:http";
import { describe, expect, it, vi } from "vitest";
import { flushLog, logAnswered, requestIdFor } from "@/lib/server/request-log";

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

describe("logAnswered", () => {
  const linesOf = (write: () => void): unknown[] => {
    const spy = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      flushLog();
      spy.mockClear();
      write();
      flushLog();
      return spy.mock.calls.flatMap(([text]) => String(text).trim().split("\n")).map((line) => JSON.parse(line) as unknown);
    } finally {
      spy.mockRestore();
    }
  };
  const answered = (url: string, method = "GET") => ({ url, method, headers: {} }) as unknown as IncomingMessage;

  it("writes one JSON line with the request's fields, in the order logLine writes them", () => {
    const [line] = linesOf(() => logAnswered(answered("/tin-tuc/bai-moi?q=bi-mat"), 200, 1.26, { id: "abc", ip: "203.0.113.9" }));
    expect(Object.keys(line as object)).toEqual(["time", "level", "msg", "id", "method", "path", "status", "ms", "ip"]);
    expect(line).toMatchObject({ level: "info", msg: "request", id: "abc", method: "GET", path: "/tin-tuc/bai-moi", status: 200, ms: 1.3, ip: "203.0.113.9" });
    expect(Date.parse((line as { time: string }).time)).not.toBeNaN();
  });

  it("keeps a line whole whatever the path and the forwarded address hold, and rates server errors", () => {
    const lines = linesOf(() => {
      logAnswered(answered('/a"b\\c\n{"level":"error"}/trang-chủ'), 500, 0, { id: "x", ip: '1.2.3.4"\n' });
      logAnswered(answered("/api/health"), 503, 0.04, { id: "y", ip: "::1" });
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: "error", path: '/a"b\\c\n{"level":"error"}/trang-chủ', ip: '1.2.3.4"\n', status: 500 });
    expect(lines[1]).toMatchObject({ level: "warn", status: 503, ms: 0 });
  });
});
