import { z } from "zod";
import { userText } from "./text";

// Messages are catalog keys under `errors.`; the action wrapper translates them.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

const COMMON_PASSWORDS = new Set([
  "1234567890", "0123456789", "password123", "passwort123", "qwertzuiop", "qwertyuiop",
  "1q2w3e4r5t", "iloveyou12", "abcdefghij", "passwordpassword", "werkbank123", "0987654321",
]);

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "emailRequired")
  .max(254, "emailInvalid")
  .pipe(z.email("emailInvalid"));

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, { error: "passwordTooShort", abort: true })
  .max(PASSWORD_MAX, { error: "passwordTooLong", abort: true })
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()) && new Set(p).size >= 4, "passwordTooCommon");

export const nameSchema = userText().trim().min(1, "nameRequired").max(120, "nameTooLong");

export const inviteCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, "inviteCodeRequired")
  .regex(/^[A-Z0-9]{6,16}$/, "inviteCodeInvalid");

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "passwordRequired").max(PASSWORD_MAX, "passwordTooLong"),
  callbackUrl: z.string().max(500).optional(),
});

/** A password must not contain the local part of the user's own email address. */
function notFromEmail(data: { email: string; password: string }, ctx: z.RefinementCtx, field = "password") {
  const local = data.email.split("@")[0] ?? "";
  if (local.length >= 4 && data.password.toLowerCase().includes(local)) {
    ctx.addIssue({ code: "custom", path: [field], message: "passwordContainsEmail" });
  }
}

export const signUpSchema = z
  .object({ email: emailSchema, name: nameSchema, password: passwordSchema, inviteCode: inviteCodeSchema })
  .superRefine((data, ctx) => notFromEmail(data, ctx));

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "passwordRequired").max(PASSWORD_MAX, "passwordTooLong"),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((d) => d.newPassword === d.confirmPassword, { path: ["confirmPassword"], message: "passwordsDontMatch" });

export const localeSchema = z.object({ locale: z.enum(["de", "en"]) });

export const profileSchema = z.object({ name: nameSchema });

/** Only same-site paths are followed after sign-in. */
export function safeCallbackUrl(url: string | undefined, fallback = "/courses"): string {
  if (!url) return fallback;
  // next-auth's proxy passes the full address of the page asked for: keep its path and query only, never the host.
  if (/^https?:\/\//i.test(url)) {
    try {
      const parsed = new URL(url);
      url = parsed.pathname === "/" ? "" : parsed.pathname + parsed.search;
    } catch {
      return fallback;
    }
  }
  if (!url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return fallback;
  return url;
}
