import { describe, expect, it } from "vitest";
import { safeCallbackUrl, signUpSchema } from "./auth";

const valid = { email: " Anna@Example.TEST ", name: " Anna ", password: "ein langer Satz", inviteCode: " werkbank26 " };

function messages(input: Record<string, unknown>) {
  const result = signUpSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("signUpSchema", () => {
  it("normalises email, name and invite code", () => {
    expect(signUpSchema.parse(valid)).toEqual({
      email: "anna@example.test",
      name: "Anna",
      password: "ein langer Satz",
      inviteCode: "WERKBANK26",
    });
  });

  it.each([
    ["kurz", "passwordTooShort"],
    ["1234567890", "passwordTooCommon"],
    ["aaaaaaaaaaaa", "passwordTooCommon"],
    ["x".repeat(201), "passwordTooLong"],
    ["anna-ist-super", "passwordContainsEmail"],
  ])("refuses the weak password %j with %s", (password, key) => {
    expect(messages({ ...valid, password })).toMatchObject({ password: key });
  });

  it("reports every broken field at once, as catalog keys", () => {
    expect(messages({ email: "nope", name: "", password: "x", inviteCode: "a b" })).toEqual({
      email: "emailInvalid",
      name: "nameRequired",
      password: "passwordTooShort",
      inviteCode: "inviteCodeInvalid",
    });
  });
});

describe("safeCallbackUrl", () => {
  it.each([
    [undefined, "/courses"],
    ["/cohorts/1", "/cohorts/1"],
    ["https://evil.example", "/courses"],
    ["//evil.example", "/courses"],
    ["/\\evil.example", "/courses"],
    // The proxy's own deep link (absolute): the path comes back, on our host.
    ["http://localhost:3000/cohorts/1/dashboard?filter=late", "/cohorts/1/dashboard?filter=late"],
    ["https://evil.example//evil.example/x", "/courses"],
    ["javascript:alert(1)", "/courses"],
  ])("%j → %j", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });
});
