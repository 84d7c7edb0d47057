// An LTI 1.3 / LTI Advantage platform (a fake LMS, think Moodle) for the e2e tests: it starts launches
// in the browser (third-party initiated login → OIDC authorization → id_token form post), takes deep
// linking responses back, and offers the Advantage services a tool calls with a service token (OAuth2
// client credentials with a signed JWT assertion): Names and Role Provisioning (NRPS) and Assignment
// and Grade Services (AGS). Everything lives in memory; test hooks under /__… set it up and read it.
//
//   LTI_PORT=3214 TOOL_URL=http://localhost:3210 LTI_CLIENT_ID=werkbank-sim LTI_DEPLOYMENT_ID=deploy-1 \
//     node e2e/lti-platform.mjs
//
// The tool registers this platform with
//   issuer          http://localhost:<LTI_PORT>
//   client id       <LTI_CLIENT_ID>            deployment id  <LTI_DEPLOYMENT_ID>
//   auth login URL  <issuer>/auth              token URL      <issuer>/token
//   key set URL     <issuer>/.well-known/jwks.json
// and is expected at <TOOL_URL>/lti/login (login initiation), <TOOL_URL>/lti/launch (redirect and
// target link URI) and <TOOL_URL>/.well-known/jwks.json (its public keys).
//
// Endpoints
//   GET  /.well-known/jwks.json                 the platform's public key set (kid "sim-1", RS256)
//   GET  /launch?user=&name=&email=&roles=instructor|learner&context=&contextTitle=
//                &message=resource|deeplink&custom=<JSON object>&fault=none|signature|expired|audience|deployment|nonce
//                                              starts a launch: 302 to the tool's login initiation URL
//   GET|POST /auth                              OIDC authorization: answers the auto-submitting id_token form
//   GET  /replay                                the last id_token form again (the tool must refuse it)
//   POST /deep-link-return                      the tool's LtiDeepLinkingResponse (field JWT)
//   POST /token                                 service tokens (client_credentials + JWT assertion)
//   GET  /nrps/<context>                        NRPS membership container
//   GET  /ags/<context>/lineitems[?resource_id=&resource_link_id=&tag=]   line items
//   POST /ags/<context>/lineitems               new line item (201)
//   GET  /ags/<context>/lineitems/<n>           one line item
//   POST /ags/<context>/lineitems/<n>/scores    a score (204)
//   GET  /ags/<context>/lineitems/<n>/results   the latest score of each user as AGS results
// Test hooks (JSON)
//   POST /__roster/<context>  { members: [{ user_id, name, email, roles, status }], title? }  sets the NRPS roster
//   POST /__fail-scores       { count }   the next <count> score posts answer 503
//   GET  /__recorded          { deepLinks, tokens, lineItems, scores }
//   POST /__reset             clears recordings, rosters, the failure counter and the last launch form
//                             (keys, issued service tokens and used assertion ids stay)
import http from "node:http";
import { createHash, randomBytes } from "node:crypto";
import { SignJWT, createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify } from "jose";

// ---------------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------------

const port = Number(process.env.LTI_PORT ?? 3214);
const TOOL_URL = (process.env.TOOL_URL ?? "http://localhost:3210").replace(/\/+$/, "");
const CLIENT_ID = process.env.LTI_CLIENT_ID ?? "werkbank-sim";
const DEPLOYMENT_ID = process.env.LTI_DEPLOYMENT_ID ?? "deploy-1";
const issuer = `http://localhost:${port}`;

const TOOL_LOGIN_URL = `${TOOL_URL}/lti/login`;
const TOOL_LAUNCH_URL = `${TOOL_URL}/lti/launch`; // redirect_uri and target_link_uri
const TOOL_JWKS_URL = `${TOOL_URL}/.well-known/jwks.json`;
const TOKEN_URL = `${issuer}/token`;
const KID = "sim-1";

// Claim names (IMS LTI 1.3 core, deep linking 2.0, NRPS 2.0, AGS 2.0).
const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
const NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
const AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";

const ROLES = {
  instructor: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"],
  learner: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
};

// Service scopes and the media types of the services.
const SCOPE = {
  lineitem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  lineitemReadonly: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  resultReadonly: "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  nrps: "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
};
const AGS_SCOPES_IN_LAUNCH = [SCOPE.lineitem, SCOPE.resultReadonly, SCOPE.score];
const GRANTABLE_SCOPES = new Set(Object.values(SCOPE));
const MEDIA = {
  membership: "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
  lineItemContainer: "application/vnd.ims.lis.v2.lineitemcontainer+json",
  lineItem: "application/vnd.ims.lis.v2.lineitem+json",
  score: "application/vnd.ims.lis.v1.score+json",
  resultContainer: "application/vnd.ims.lis.v2.resultcontainer+json",
};

const FAULTS = new Set(["none", "signature", "expired", "audience", "deployment", "nonce"]);
const ACTIVITY_PROGRESS = new Set(["Initialized", "Started", "InProgress", "Submitted", "Completed"]);
const GRADING_PROGRESS = new Set(["FullyGraded", "Pending", "PendingManual", "Failed", "NotReady"]);

// ---------------------------------------------------------------------------------------------------
// Keys: the platform's signing key (published), and a second key with the same kid for fault=signature
// ---------------------------------------------------------------------------------------------------

const signing = await generateKeyPair("RS256", { modulusLength: 2048 });
const impostor = await generateKeyPair("RS256", { modulusLength: 2048 });
const publicJwk = { ...(await exportJWK(signing.publicKey)), kid: KID, alg: "RS256", use: "sig" };

// ---------------------------------------------------------------------------------------------------
// State (memory only)
// ---------------------------------------------------------------------------------------------------

/** Launches started with GET /launch, by their lti_message_hint (reusable: a reload may log in again). */
const pendingLaunches = new Map();
/** Deep-linking `data` values handed out, so a response's data claim can be matched to a request. */
const issuedDeepLinkData = new Set();
/** Service tokens: access_token → { scopes: Set, expiresAt }. */
const accessTokens = new Map();
/** jti of accepted client assertions, with their expiry (a reused one is refused). */
const usedJtis = new Map();
/** Context titles seen in launches (NRPS answers them). */
const contextTitles = new Map();
/** Line item ids count up over the whole run (also across /__reset), so an old URL never names a new item. */
let nextLineItem = 1;

/** What the tests set up and read back; /__reset empties it. */
let recorded;
function resetRecordings() {
  recorded = {
    deepLinks: [], // { claims, contentItems }
    tokens: [], // { scope, at }
    lineItems: {}, // context → [line item]
    scores: [], // { lineItem, userId, scoreGiven, scoreMaximum, activityProgress, gradingProgress, timestamp, comment? }
    rosters: {}, // context → { members, title? }
    failScores: 0, // score posts still to fail with 503
    lastLaunchForm: null, // { action, fields: { id_token, state } }
  };
}
resetRecordings();

// ---------------------------------------------------------------------------------------------------
// Small HTTP helpers
// ---------------------------------------------------------------------------------------------------

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const nowSeconds = () => Math.floor(Date.now() / 1000);
const random = (bytes = 16) => randomBytes(bytes).toString("base64url");

/** An error answered as `status` (plain text or JSON, as the endpoint prefers). */
class HttpError extends Error {
  constructor(status, message, extra = {}) {
    super(message);
    this.status = status;
    this.extra = extra;
  }
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { "cache-control": "no-store", ...headers });
  res.end(body);
}
const sendText = (res, status, text) => send(res, status, text, { "content-type": "text/plain; charset=utf-8" });
const sendJson = (res, status, value, type = "application/json") =>
  send(res, status, JSON.stringify(value, null, 2), { "content-type": `${type}; charset=utf-8` });
const sendHtml = (res, status, title, body) =>
  send(
    res,
    status,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main>\n${body}\n</main></body></html>`,
    { "content-type": "text/html; charset=utf-8" },
  );

async function readBody(req, limit = 1_000_000) {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > limit) throw new HttpError(413, "request body too large");
  }
  return body;
}

/** The media type of a content-type header, without parameters, lower case. */
const mediaType = (header) => (header ?? "").split(";")[0].trim().toLowerCase();

async function readForm(req) {
  const type = mediaType(req.headers["content-type"]);
  if (type !== "application/x-www-form-urlencoded") throw new HttpError(415, `expected application/x-www-form-urlencoded, got ${type || "nothing"}`);
  return new URLSearchParams(await readBody(req));
}

async function readJson(req) {
  const text = await readBody(req);
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new HttpError(400, "body is not JSON");
  }
}

/** The page that posts the id_token to the tool: script submits it, the button does without script. */
function sendAutoSubmitForm(res, { action, fields }) {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `  <input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
  sendHtml(
    res,
    200,
    "Launching Werkbank",
    `<h1>Launching the tool…</h1>
<form method="post" action="${escapeHtml(action)}">
${inputs}
  <button type="submit">Continue</button>
</form>
<script>document.forms[0].submit()</script>`,
  );
}

// ---------------------------------------------------------------------------------------------------
// Launch: GET /launch → tool's /lti/login → GET|POST /auth → form post of the id_token
// ---------------------------------------------------------------------------------------------------

function startLaunch(url, res) {
  const q = url.searchParams;
  const user = q.get("user");
  if (!user) throw new HttpError(400, "user is required (the LTI sub)");
  const roles = q.get("roles") ?? "learner";
  if (!ROLES[roles]) throw new HttpError(400, `roles must be instructor or learner, not ${roles}`);
  const message = q.get("message") ?? "resource";
  if (message !== "resource" && message !== "deeplink") throw new HttpError(400, `message must be resource or deeplink, not ${message}`);
  const fault = q.get("fault") ?? "none";
  if (!FAULTS.has(fault)) throw new HttpError(400, `fault must be one of ${[...FAULTS].join(", ")}, not ${fault}`);
  let custom;
  if (q.get("custom")) {
    try {
      custom = JSON.parse(q.get("custom"));
    } catch {
      throw new HttpError(400, "custom is not JSON");
    }
    if (!custom || typeof custom !== "object" || Array.isArray(custom)) throw new HttpError(400, "custom must be a JSON object");
  }
  const context = q.get("context") || "course-101";
  const contextTitle = q.get("contextTitle") || "BWL 101";
  contextTitles.set(context, contextTitle);

  const hint = random();
  pendingLaunches.set(hint, {
    user,
    name: q.get("name") || undefined,
    email: q.get("email") || undefined,
    roles,
    context,
    contextTitle,
    message,
    custom,
    fault,
  });

  const login = new URL(TOOL_LOGIN_URL);
  login.search = new URLSearchParams({
    iss: issuer,
    login_hint: user,
    target_link_uri: TOOL_LAUNCH_URL,
    lti_message_hint: hint,
    client_id: CLIENT_ID,
    lti_deployment_id: DEPLOYMENT_ID,
  }).toString();
  send(res, 302, "", { location: login.toString() });
}

/** The id_token's claims for a pending launch (faults that change claims are applied here). */
function launchClaims(launch, nonce) {
  const now = nowSeconds();
  const expired = launch.fault === "expired";
  const audience = launch.fault === "audience" ? "another-tool" : CLIENT_ID;
  const claims = {
    iss: issuer,
    aud: audience,
    azp: audience,
    sub: launch.user,
    iat: expired ? now - 600 : now,
    exp: expired ? now - 60 : now + 300,
    nonce: launch.fault === "nonce" ? "replayed-nonce" : nonce,
  };
  if (launch.name) {
    const [given, ...family] = launch.name.trim().split(/\s+/);
    claims.name = launch.name;
    claims.given_name = given;
    if (family.length) claims.family_name = family.join(" ");
  }
  if (launch.email) claims.email = launch.email;

  const deepLink = launch.message === "deeplink";
  claims[`${LTI}message_type`] = deepLink ? "LtiDeepLinkingRequest" : "LtiResourceLinkRequest";
  claims[`${LTI}version`] = "1.3.0";
  claims[`${LTI}deployment_id`] = launch.fault === "deployment" ? "unknown-deployment" : DEPLOYMENT_ID;
  claims[`${LTI}target_link_uri`] = TOOL_LAUNCH_URL;
  claims[`${LTI}roles`] = ROLES[launch.roles];
  claims[`${LTI}context`] = {
    id: launch.context,
    label: launch.context,
    title: launch.contextTitle,
    type: ["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"],
  };
  if (!deepLink) {
    // One resource link per context and custom parameters: the same custom claim is the same link.
    const linkKey = launch.custom ? createHash("sha256").update(JSON.stringify(launch.custom)).digest("hex").slice(0, 12) : "default";
    claims[`${LTI}resource_link`] = { id: `rl-${launch.context}-${linkKey}`, title: "Werkbank" };
  }
  if (launch.custom) claims[`${LTI}custom`] = launch.custom;
  const context = encodeURIComponent(launch.context);
  claims[NRPS_CLAIM] = { context_memberships_url: `${issuer}/nrps/${context}`, service_versions: ["2.0"] };
  claims[AGS_CLAIM] = { scope: AGS_SCOPES_IN_LAUNCH, lineitems: `${issuer}/ags/${context}/lineitems` };
  if (deepLink) {
    const data = `sim-data-${random(9)}`;
    issuedDeepLinkData.add(data);
    claims[`${DL}deep_linking_settings`] = {
      deep_link_return_url: `${issuer}/deep-link-return`,
      accept_types: ["ltiResourceLink"],
      accept_presentation_document_targets: ["iframe", "window"],
      accept_multiple: false,
      data,
    };
  }
  return claims;
}

async function authorize(req, url, res) {
  const params = req.method === "POST" ? await readForm(req) : url.searchParams;
  const get = (name) => params.get(name) ?? "";
  const expect = { scope: "openid", response_type: "id_token", response_mode: "form_post", prompt: "none" };
  for (const [name, value] of Object.entries(expect)) {
    if (get(name) !== value) throw new HttpError(400, `${name} must be ${value}, got ${get(name) || "nothing"}`);
  }
  if (get("client_id") !== CLIENT_ID) throw new HttpError(400, `unknown client_id ${get("client_id") || "(none)"}`);
  if (get("redirect_uri") !== TOOL_LAUNCH_URL) throw new HttpError(400, `redirect_uri must be ${TOOL_LAUNCH_URL}, got ${get("redirect_uri") || "nothing"}`);
  const launch = pendingLaunches.get(get("lti_message_hint"));
  if (!launch) throw new HttpError(400, "lti_message_hint names no pending launch");
  if (get("login_hint") !== launch.user) throw new HttpError(400, "login_hint does not match the launch's user");
  if (!get("nonce")) throw new HttpError(400, "nonce is required");

  const claims = launchClaims(launch, get("nonce"));
  const key = launch.fault === "signature" ? impostor.privateKey : signing.privateKey;
  const idToken = await new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: KID, typ: "JWT" }).sign(key);

  const form = { action: get("redirect_uri"), fields: { id_token: idToken, state: get("state") } };
  recorded.lastLaunchForm = form;
  sendAutoSubmitForm(res, form);
}

// ---------------------------------------------------------------------------------------------------
// Tool-signed JWTs: deep linking responses and client assertions, verified with the tool's key set
// ---------------------------------------------------------------------------------------------------

/**
 * Verifies a JWT the tool signed. The key set is fetched for each verification (a new remote set
 * each time) so a key rotation or a tool restart with new keys is seen at once, and a retired key
 * is refused at once; a real LMS would cache it.
 */
function verifyToolJwt(jwt, options) {
  return jwtVerify(jwt, createRemoteJWKSet(new URL(TOOL_JWKS_URL)), { algorithms: ["RS256"], clockTolerance: 5, ...options });
}

async function deepLinkReturn(req, res) {
  let claims;
  try {
    const jwt = (await readForm(req)).get("JWT");
    if (!jwt) throw new Error("field JWT is missing");
    ({ payload: claims } = await verifyToolJwt(jwt, { issuer: CLIENT_ID, audience: issuer, requiredClaims: ["iat", "exp"] }));
    const check = (name, expected) => {
      if (claims[name] !== expected) throw new Error(`${name} must be ${JSON.stringify(expected)}, got ${JSON.stringify(claims[name])}`);
    };
    check(`${LTI}message_type`, "LtiDeepLinkingResponse");
    check(`${LTI}version`, "1.3.0");
    check(`${LTI}deployment_id`, DEPLOYMENT_ID);
    const data = claims[`${DL}data`];
    if (!issuedDeepLinkData.has(data)) throw new Error(`${DL}data ${JSON.stringify(data)} is not the data of a deep linking request`);
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, `deep linking response refused: ${error.code ? `${error.code}: ` : ""}${error.message}`);
  }
  const contentItems = Array.isArray(claims[`${DL}content_items`]) ? claims[`${DL}content_items`] : [];
  recorded.deepLinks.push({ claims, contentItems });
  const items = contentItems.map((item) => `  <li>${escapeHtml(item.title ?? "(untitled)")} — <a href="${escapeHtml(item.url ?? "")}">${escapeHtml(item.url ?? "")}</a></li>`);
  const message = claims[`${DL}msg`] ? `<p>${escapeHtml(claims[`${DL}msg`])}</p>\n` : "";
  sendHtml(res, 200, "Deep linking received", `<h1>Deep linking received</h1>\n${message}<ul>\n${items.join("\n")}\n</ul>`);
}

// ---------------------------------------------------------------------------------------------------
// Service tokens: POST /token (client_credentials with a JWT client assertion)
// ---------------------------------------------------------------------------------------------------

async function token(req, res) {
  const fail = (status, error, description) => sendJson(res, status, { error, error_description: description });
  let form;
  try {
    form = await readForm(req);
  } catch (error) {
    return fail(400, "invalid_request", error.message);
  }
  if (form.get("grant_type") !== "client_credentials") return fail(400, "unsupported_grant_type", "grant_type must be client_credentials");
  if (form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
    return fail(400, "invalid_request", "client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
  const assertion = form.get("client_assertion");
  if (!assertion) return fail(400, "invalid_request", "client_assertion is missing");

  let claims;
  try {
    ({ payload: claims } = await verifyToolJwt(assertion, {
      issuer: CLIENT_ID,
      subject: CLIENT_ID,
      audience: TOKEN_URL,
      requiredClaims: ["jti", "exp", "iat"],
    }));
  } catch (error) {
    return fail(401, "invalid_client", `client assertion refused: ${error.code ? `${error.code}: ` : ""}${error.message}`);
  }
  const now = nowSeconds();
  for (const [jti, exp] of usedJtis) if (exp < now - 60) usedJtis.delete(jti);
  if (usedJtis.has(claims.jti)) return fail(401, "invalid_client", `client assertion refused: jti ${claims.jti} was already used`);
  usedJtis.set(claims.jti, claims.exp);

  const requested = (form.get("scope") ?? "").split(/\s+/).filter(Boolean);
  const granted = [...new Set(requested.filter((s) => GRANTABLE_SCOPES.has(s)))];
  if (!granted.length) return fail(400, "invalid_scope", `none of the requested scopes can be granted: ${requested.join(" ") || "(none)"}`);
  const scope = granted.join(" ");
  const accessToken = random(24);
  accessTokens.set(accessToken, { scopes: new Set(granted), expiresAt: Date.now() + 3600_000 });
  recorded.tokens.push({ scope, at: new Date().toISOString() });
  sendJson(res, 200, { access_token: accessToken, token_type: "Bearer", expires_in: 3600, scope });
}

/** The bearer token's scopes must include one of `anyOf`; 401 (no/unknown/expired token) or 403 otherwise. */
function requireScope(req, anyOf) {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  const entry = match && accessTokens.get(match[1]);
  if (!entry || entry.expiresAt < Date.now()) {
    throw new HttpError(401, match ? "unknown or expired access token" : "Authorization: Bearer <token> is required", {
      "www-authenticate": 'Bearer error="invalid_token"',
    });
  }
  if (!anyOf.some((s) => entry.scopes.has(s))) {
    throw new HttpError(403, `the token lacks the scope ${anyOf.join(" or ")}`, { "www-authenticate": 'Bearer error="insufficient_scope"' });
  }
}

/**
 * The request's Accept header must name `type`. Lenient (the default): an absent header, any type,
 * application/json or application/(anything) do too. Strict: the media type itself is required.
 */
function requireAccept(req, type, { strict = false } = {}) {
  const accept = (req.headers.accept ?? "").split(",").map(mediaType);
  if (strict ? accept.includes(type) : !req.headers.accept || accept.some((a) => a === type || a === "*/*" || a === "application/*" || a === "application/json"))
    return;
  throw new HttpError(406, `Accept must name ${type}`);
}

// ---------------------------------------------------------------------------------------------------
// NRPS: GET /nrps/<context>
// ---------------------------------------------------------------------------------------------------

function memberships(req, url, res, context) {
  requireScope(req, [SCOPE.nrps]);
  requireAccept(req, MEDIA.membership, { strict: true });
  const roster = recorded.rosters[context];
  let members = roster?.members ?? [];
  // The optional `role` filter of NRPS 2.0 (a full role URI, or its short name like "Learner").
  const role = url.searchParams.get("role");
  if (role) members = members.filter((m) => (m.roles ?? []).some((r) => r === role || r.endsWith(`#${role}`)));
  sendJson(
    res,
    200,
    {
      id: `${issuer}${url.pathname}${url.search}`,
      context: { id: context, label: context, title: roster?.title ?? contextTitles.get(context) ?? context },
      members,
    },
    MEDIA.membership,
  );
}

// ---------------------------------------------------------------------------------------------------
// AGS: line items and scores
// ---------------------------------------------------------------------------------------------------

const lineItemsOf = (context) => (recorded.lineItems[context] ??= []);
const lineItemsUrl = (context) => `${issuer}/ags/${encodeURIComponent(context)}/lineitems`;

function findLineItem(context, n) {
  const id = `${lineItemsUrl(context)}/${n}`;
  const item = lineItemsOf(context).find((li) => li.id === id);
  if (!item) throw new HttpError(404, `no line item ${id}`);
  return item;
}

function listLineItems(req, url, res, context) {
  requireScope(req, [SCOPE.lineitem, SCOPE.lineitemReadonly]);
  requireAccept(req, MEDIA.lineItemContainer);
  const q = url.searchParams;
  const items = lineItemsOf(context).filter(
    (li) =>
      (!q.has("resource_id") || li.resourceId === q.get("resource_id")) &&
      (!q.has("resource_link_id") || li.resourceLinkId === q.get("resource_link_id")) &&
      (!q.has("tag") || li.tag === q.get("tag")),
  );
  sendJson(res, 200, items, MEDIA.lineItemContainer);
}

async function createLineItem(req, res, context) {
  requireScope(req, [SCOPE.lineitem]);
  const body = await readJson(req);
  if (typeof body.scoreMaximum !== "number" || !(body.scoreMaximum > 0)) throw new HttpError(400, "scoreMaximum must be a number > 0");
  if (typeof body.label !== "string" || !body.label.trim()) throw new HttpError(400, "label is required");
  const item = { id: `${lineItemsUrl(context)}/${nextLineItem++}`, scoreMaximum: body.scoreMaximum, label: body.label };
  for (const key of ["resourceId", "tag", "resourceLinkId", "startDateTime", "endDateTime"]) if (body[key] !== undefined) item[key] = body[key];
  lineItemsOf(context).push(item);
  sendJson(res, 201, item, MEDIA.lineItem);
}

function getLineItem(req, res, context, n) {
  requireScope(req, [SCOPE.lineitem, SCOPE.lineitemReadonly]);
  sendJson(res, 200, findLineItem(context, n), MEDIA.lineItem);
}

async function postScore(req, res, context, n) {
  requireScope(req, [SCOPE.score]);
  const item = findLineItem(context, n);
  if (mediaType(req.headers["content-type"]) !== MEDIA.score) throw new HttpError(415, `Content-Type must be ${MEDIA.score}`);
  const body = await readJson(req);
  // The hook's failures come after authorization (an unauthorized post does not use one up).
  if (recorded.failScores > 0) {
    recorded.failScores--;
    throw new HttpError(503, "score service unavailable (test hook /__fail-scores)", { "retry-after": "1" });
  }
  if (typeof body.userId !== "string" || !body.userId) throw new HttpError(400, "userId is required");
  if (!ACTIVITY_PROGRESS.has(body.activityProgress)) throw new HttpError(400, `activityProgress must be one of ${[...ACTIVITY_PROGRESS].join(", ")}`);
  if (!GRADING_PROGRESS.has(body.gradingProgress)) throw new HttpError(400, `gradingProgress must be one of ${[...GRADING_PROGRESS].join(", ")}`);
  if (typeof body.timestamp !== "string" || Number.isNaN(Date.parse(body.timestamp))) throw new HttpError(400, "timestamp must be an ISO 8601 date-time");
  if (body.scoreGiven !== undefined) {
    if (typeof body.scoreGiven !== "number" || body.scoreGiven < 0) throw new HttpError(400, "scoreGiven must be a number >= 0");
    if (typeof body.scoreMaximum !== "number" || !(body.scoreMaximum > 0)) throw new HttpError(400, "scoreMaximum (> 0) is required with scoreGiven");
  }
  const score = {
    lineItem: item.id,
    userId: body.userId,
    scoreGiven: body.scoreGiven,
    scoreMaximum: body.scoreMaximum,
    activityProgress: body.activityProgress,
    gradingProgress: body.gradingProgress,
    timestamp: body.timestamp,
  };
  if (body.comment !== undefined) score.comment = body.comment;
  recorded.scores.push(score);
  send(res, 204, "");
}

/** AGS results (result.readonly): the latest score of each user, scaled to the line item's maximum. */
function listResults(req, url, res, context, n) {
  requireScope(req, [SCOPE.resultReadonly]);
  const item = findLineItem(context, n);
  const latest = new Map();
  for (const s of recorded.scores) if (s.lineItem === item.id) latest.set(s.userId, s);
  const userFilter = url.searchParams.get("user_id");
  const results = [...latest.values()]
    .filter((s) => !userFilter || s.userId === userFilter)
    .map((s) => ({
      id: `${item.id}/results/${encodeURIComponent(s.userId)}`,
      scoreOf: item.id,
      userId: s.userId,
      ...(s.scoreGiven !== undefined && { resultScore: s.scoreGiven, resultMaximum: s.scoreMaximum }),
      ...(s.comment !== undefined && { comment: s.comment }),
    }));
  sendJson(res, 200, results, MEDIA.resultContainer);
}

// ---------------------------------------------------------------------------------------------------
// Test hooks
// ---------------------------------------------------------------------------------------------------

async function setRoster(req, res, context) {
  const body = await readJson(req);
  if (!Array.isArray(body.members)) throw new HttpError(400, "members must be an array");
  recorded.rosters[context] = { members: body.members, title: typeof body.title === "string" ? body.title : undefined };
  sendJson(res, 200, { ok: true, context, members: body.members.length });
}

async function failScores(req, res) {
  const { count } = await readJson(req);
  if (!Number.isInteger(count) || count < 0) throw new HttpError(400, "count must be an integer >= 0");
  recorded.failScores = count;
  sendJson(res, 200, { ok: true, count });
}

function recordedState(res) {
  const { deepLinks, tokens, lineItems, scores } = recorded;
  sendJson(res, 200, { deepLinks, tokens, lineItems, scores });
}

// ---------------------------------------------------------------------------------------------------
// Routing
// ---------------------------------------------------------------------------------------------------

async function route(req, res) {
  const url = new URL(req.url ?? "/", issuer);
  const path = url.pathname;
  const method = req.method ?? "GET";
  let segments;
  try {
    segments = path.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    throw new HttpError(400, `malformed path ${path}`);
  }
  /** Checks the method; the caller goes on only when it is allowed. */
  const only = (...methods) => {
    if (!methods.includes(method)) throw new HttpError(405, `${method} not allowed on ${path}`, { allow: methods.join(", ") });
  };

  switch (path) {
    case "/.well-known/jwks.json":
      only("GET", "HEAD");
      return sendJson(res, 200, { keys: [publicJwk] });
    case "/launch":
      only("GET");
      return startLaunch(url, res);
    case "/auth":
      only("GET", "POST");
      return authorize(req, url, res);
    case "/replay":
      only("GET");
      if (!recorded.lastLaunchForm) throw new HttpError(404, "no launch form to replay yet");
      return sendAutoSubmitForm(res, recorded.lastLaunchForm);
    case "/deep-link-return":
      only("POST");
      return deepLinkReturn(req, res);
    case "/token":
      only("POST");
      return token(req, res);
    case "/__fail-scores":
      only("POST");
      return failScores(req, res);
    case "/__recorded":
      only("GET");
      return recordedState(res);
    case "/__reset":
      only("POST");
      resetRecordings();
      return sendJson(res, 200, { ok: true });
    case "/":
      return sendText(res, 200, `LTI 1.3 platform simulator, issuer ${issuer}, client ${CLIENT_ID}, deployment ${DEPLOYMENT_ID}, tool ${TOOL_URL}\n`);
  }

  // /nrps/<context>
  if (segments[0] === "nrps" && segments.length === 2) {
    only("GET");
    return memberships(req, url, res, segments[1]);
  }
  // /ags/<context>/lineitems[/<n>[/scores|/results]]
  if (segments[0] === "ags" && segments[2] === "lineitems") {
    const [, context, , n, sub] = segments;
    if (segments.length === 3) {
      only("GET", "POST");
      return method === "GET" ? listLineItems(req, url, res, context) : createLineItem(req, res, context);
    }
    if (segments.length === 4) {
      only("GET");
      return getLineItem(req, res, context, n);
    }
    if (segments.length === 5 && sub === "scores") {
      only("POST");
      return postScore(req, res, context, n);
    }
    if (segments.length === 5 && sub === "results") {
      only("GET");
      return listResults(req, url, res, context, n);
    }
  }
  // /__roster/<context>
  if (segments[0] === "__roster" && segments.length === 2) {
    only("POST");
    return setRoster(req, res, segments[1]);
  }
  throw new HttpError(404, `not found: ${path}`);
}

/** JSON errors for the services and hooks (a tool reads them), plain text for the browser's endpoints. */
const JSON_ERRORS = /^\/(nrps|ags|__)/;

http
  .createServer((req, res) => {
    Promise.resolve()
      .then(() => route(req, res))
      .catch((error) => {
        const status = error instanceof HttpError ? error.status : 500;
        const message = error instanceof HttpError ? error.message : `internal error: ${error?.stack ?? error}`;
        console.error(`[lti-platform] ${req.method} ${req.url?.split("?")[0]} → ${status}: ${message}`);
        if (res.headersSent) return void res.end();
        const headers = error instanceof HttpError ? error.extra : {};
        if (JSON_ERRORS.test(req.url ?? "")) {
          res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
          res.end(JSON.stringify({ error: message }));
        } else {
          res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers });
          res.end(message);
        }
      });
  })
  .listen(port, () => console.log(`[lti-platform] issuer ${issuer}`));
