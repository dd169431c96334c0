import { describe, expect, it } from "vitest";
import { checkLinkInput, LINK_MESSAGES } from "@/components/editor/link-input";

describe("the link dialog's address check", () => {
  it.each([
    ["https://noip.gov.vn", "https://noip.gov.vn"],
    ["  http://a.vn/x?y=1  ", "http://a.vn/x?y=1"],
    ["mailto:vanphong@noip.gov.vn", "mailto:vanphong@noip.gov.vn"],
    ["/tin-tuc/hoi-nghi", "/tin-tuc/hoi-nghi"],
    ["noip.gov.vn/tin-tuc", "https://noip.gov.vn/tin-tuc"],
  ])("accepts %j as %j", (typed, href) => {
    expect(checkLinkInput(typed)).toEqual({ href });
  });

  it.each(["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)"])("refuses %j as a script link", (typed) => {
    expect(checkLinkInput(typed)).toEqual({ error: LINK_MESSAGES.script });
  });

  it.each(["data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example", "ftp://a.vn", "tin-tuc"])("refuses %j", (typed) => {
    expect(checkLinkInput(typed)).toEqual({ error: LINK_MESSAGES.scheme });
  });

  it("asks for an address when empty", () => {
    expect(checkLinkInput("   ")).toEqual({ error: LINK_MESSAGES.empty });
  });
});
