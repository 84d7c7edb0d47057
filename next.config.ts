import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { ACTION_BODY_LIMIT } from "./lib/limits-http";

// The catalogs are compiled at build time (ICU → a compact form formatted without parsing): next-intl
// otherwise parses a message on its first use and builds a cache key per call with arguments.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: ["de", "en"], precompile: true } },
});

// The Content-Security-Policy comes from proxy.ts: it carries a fresh nonce per request.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // One self-contained server (.next/standalone/server.js with only the node_modules it needs): what
  // `npm start`, the cluster and the container image run. The migrations are read from disk at start.
  output: "standalone",
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
  // PGlite ships WASM and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "nodemailer"],
  poweredByHeader: false,
  // The largest thing a form sends is a lesson body (100,000 characters) or a canvas (256 KB); an
  // action beyond this is refused by proxy.ts with a message (413) before Next reads it.
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT } },
  async headers() {
    // LTI pages open inside the LMS's iframe (proxy.ts sets their frame-ancestors): no X-Frame-Options there.
    return [
      { source: "/((?!lti/).*)", headers: securityHeaders },
      { source: "/lti/:path*", headers: securityHeaders.filter((h) => h.key !== "X-Frame-Options") },
    ];
  },
};

export default withNextIntl(nextConfig);
