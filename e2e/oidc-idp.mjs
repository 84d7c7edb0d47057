// The institution's identity provider for the e2e tests: a real OpenID Connect provider
// (panva/oidc-provider) on localhost, with a one-field login page a browser test fills in.
// Started by playwright.config.ts as a web server; the app's AUTH_OIDC_* point at it.
//
//   OIDC_PORT=3212 OIDC_REDIRECT=http://localhost:3210/api/auth/callback/oidc node e2e/oidc-idp.mjs
//
// The username typed in becomes the subject `idp-<username>`, with the address
// <username>@campus.example and, for a few known names, a display name.
import http from "node:http";
import { Provider } from "oidc-provider";

const port = Number(process.env.OIDC_PORT ?? 3212);
const issuer = `http://localhost:${port}`;
const redirect = process.env.OIDC_REDIRECT ?? "http://localhost:3210/api/auth/callback/oidc";

export const CLIENT = { client_id: "werkbank-e2e", client_secret: "werkbank-e2e-secret" };
const NAMES = { mara: "Mara Campus", tom: "Tom Campus" };

const html = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function formOf(req) {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

const provider = new Provider(issuer, {
  clients: [{ ...CLIENT, redirect_uris: [redirect] }],
  async findAccount(_ctx, sub) {
    const username = sub.replace(/^idp-/, "");
    // "noemail-…" users stand for a provider that does not release the address.
    const email = username.startsWith("noemail") ? undefined : `${username}@campus.example`;
    return { accountId: sub, claims: async () => ({ sub, email, email_verified: Boolean(email), name: NAMES[username] ?? username }) };
  },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // Scope claims in the ID token too (Auth.js reads the profile from it).
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  cookies: { keys: ["e2e-only-cookie-key"] },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  // A first-party client: everything it asks for is granted, no consent page.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
});

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === "GET") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(`<!doctype html><html lang="en"><head><title>Campus login</title></head><body><main>
<h1>Campus login</h1>
<form method="post" action="/interaction/${html(details.uid)}">
  <label for="username">Username</label>
  <input id="username" name="username" autocomplete="off" required>
  <button type="submit">Log in</button>
</form></main></body></html>`);
    return;
  }
  const username = (await formOf(req)).get("username")?.trim().toLowerCase();
  if (!username || !/^[a-z0-9._-]{1,40}$/.test(username)) return void res.writeHead(400).end("username required");
  await provider.interactionFinished(req, res, { login: { accountId: `idp-${username}` } }, { mergeWithLastSubmission: false });
}

const callback = provider.callback();
http
  .createServer((req, res) => {
    if (req.url?.startsWith("/interaction/")) {
      interaction(req, res).catch((error) => res.writeHead(400, { "content-type": "text/plain" }).end(String(error)));
      return;
    }
    callback(req, res);
  })
  .listen(port, () => console.log(`[oidc-idp] issuer ${issuer}, redirect ${redirect}`));
