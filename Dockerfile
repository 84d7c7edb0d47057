# Werkbank's container image: Next's standalone output on Node 20, run as a non-root user.
# The build stage runs `next build` once; every app server of one installation must run the same
# image (README: "Running on several servers"). The image holds no secrets: AUTH_SECRET and
# NEXT_SERVER_ACTIONS_ENCRYPTION_KEY are given at run time (compose.yaml).
# CI cannot pull images on its machines: it builds the same standalone output and runs its server.js
# the way this image does (lib/cli/smoke-standalone.mjs).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
RUN groupadd --system --gid 1001 werkbank && useradd --system --uid 1001 --gid werkbank --home /app werkbank
# server.js with the node_modules it needs and the migrations, then the static assets beside it.
COPY --from=build --chown=werkbank:werkbank /app/.next/standalone ./
COPY --from=build --chown=werkbank:werkbank /app/.next/static ./.next/static
USER werkbank
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
