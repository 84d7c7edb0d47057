import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { clientAddress } from "./address";
import { authConfig } from "./config";
import { authenticate, createSession, deleteSession, type SignInFailure } from "./credentials";

/**
 * A refused sign-in. Its code travels to the browser (next-auth's redirect carries `?code=`), so an
 * unknown email and a wrong password share one ("refused"); only the rate limit is told apart.
 */
export class SignInRefused extends CredentialsSignin {
  constructor(reason: SignInFailure) {
    const code = reason === "rate_limited" ? "rate_limited" : "refused";
    super(code);
    this.code = code;
  }
}

const credentialsSchema = z.object({ email: z.string().max(254), password: z.string().max(200) });


export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new SignInRefused("unknown_email");
        const result = await authenticate(parsed.data.email, parsed.data.password, clientAddress(request.headers));
        if (!result.ok) throw new SignInRefused(result.reason);
        const sid = await createSession(result.user.id, result.user.sessionVersion);
        return { id: result.user.id, email: result.user.email, name: result.user.name, sid };
      },
    }),
  ],
  logger: {
    // A refused sign-in is an expected outcome, shown to the user; not a server error.
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? (message.token?.sid as string | undefined) : undefined;
      if (sid) await deleteSession(sid);
    },
  },
});
