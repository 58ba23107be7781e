# syntax=docker/dockerfile:1
#
# SkillBridge worker (NestJS + BullMQ): `node apps/worker/dist/main.js`. It serves no traffic;
# `GET /health` and `GET /metrics` on WORKER_HEALTH_PORT (3001) back the HEALTHCHECK, the
# Kubernetes probes and the Prometheus scrape (never publish this port). Build from the repository
# root (the context must be the repo root):
#
#   docker build -f docker/worker.Dockerfile -t skillbridge-worker .
#
# Files left out of the context: docker/worker.Dockerfile.dockerignore (needs BuildKit, the
# default builder since Docker 23).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- manifests: only the package.json files and the lockfile. Its output changes only when they
# do, so the `npm ci` layers below stay cached while sources change.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && cp package.json package-lock.json /manifests/ \
 && find apps libs -mindepth 2 -maxdepth 2 -name package.json -exec cp --parents {} /manifests/ \;

# ---- build: the whole workspace's dependencies, then Nx builds the worker and the libs it uses.
FROM ${NODE_IMAGE} AS build
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true SCARF_ANALYTICS=false
WORKDIR /repo
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npx nx run @skillbridge/worker:build

# ---- prod-deps: production dependencies of the worker workspace only.
FROM ${NODE_IMAGE} AS prod-deps
# @scarf/scarf (pulled in by a dependency) phones home from its postinstall unless told not to.
ENV SCARF_ANALYTICS=false
WORKDIR /repo
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --workspace=@skillbridge/worker --no-audit --no-fund

# ---- runtime
FROM ${NODE_IMAGE} AS runtime
# The app runs `node` only: npm, npx and corepack are attack surface (and CVE noise) it never uses.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
# Health and metrics on every interface of the container (probes and scrapes come from outside it);
# mail without SMTP_URL goes to /tmp, the only writable place under a read-only root filesystem.
ENV NODE_ENV=production \
    WORKER_HEALTH_HOST=0.0.0.0 \
    WORKER_HEALTH_PORT=3001 \
    MAIL_DIR=/tmp/mail
WORKDIR /app
# Owned by root and read-only to the app user on purpose.
COPY --from=prod-deps /repo/ ./
COPY --from=build /repo/libs/domain/dist/ libs/domain/dist/
COPY --from=build /repo/libs/db/dist/ libs/db/dist/
COPY --from=build /repo/apps/worker/dist/ apps/worker/dist/
# `node` of the official image, by number: Kubernetes' runAsNonRoot can only verify a numeric user.
USER 1000:1000
EXPOSE 3001
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.WORKER_HEALTH_PORT || 3001) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/worker/dist/main.js"]
