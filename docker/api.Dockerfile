# SkillBridge API (NestJS on Fastify): `node apps/api/dist/main.js` on port 3000.
# Build from the repository root (the context must be the repo root):
#
#   docker build -f docker/api.Dockerfile -t skillbridge-api .
#
# The same image carries libs/db and its CLI (libs/db-cli), so it also runs the one-shot migration (see compose.yaml):
#
#   docker run --rm -e DATABASE_URL=postgres://... skillbridge-api \
#     sh -c 'node libs/db-cli/dist/cli.js migrate && node libs/db-cli/dist/cli.js seed'
#
# Files left out of the context: docker/api.Dockerfile.dockerignore (needs BuildKit, the default
# builder since Docker 23).
#
# BuildKit is required (`RUN --mount=type=cache`, the Dockerfile-specific .dockerignore): the
# default builder since Docker 23; on Docker 20.10 set DOCKER_BUILDKIT=1. There is deliberately no
# `# syntax=docker/dockerfile:1` line: it makes BuildKit pull its frontend image from Docker Hub,
# which fails offline or where Docker Hub is blocked, and the built-in frontend (Docker >= 20.10)
# handles this file.
#
# The base images are build arguments (NODE_IMAGE), e.g. the local stand-ins that
# scripts/docker-local-bases.sh builds where Docker Hub cannot be reached (docker/README.md).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- manifests: only the package.json files and the lockfile. Its output changes only when they
# do, so the `npm ci` layers below stay cached while sources change.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && cp package.json package-lock.json /manifests/ \
 && find apps libs -mindepth 2 -maxdepth 2 -name package.json -exec cp --parents {} /manifests/ \;

# ---- toolchain: the Node image plus what node-gyp needs. argon2's install script compiles it
# from source whenever its prebuilt binary fails to load (on the machine these images were first
# built on it crashed with a segmentation fault, on the host too), and the slim image has no compiler.
# The compiled module is copied into the runtime image with node_modules; the tools are not.
FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

# ---- build: the whole workspace's dependencies, then Nx builds the API, the database CLI and the libs they use.
FROM toolchain AS build
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true SCARF_ANALYTICS=false
WORKDIR /repo
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p @skillbridge/api @skillbridge/db-cli @skillbridge/agreement-documents

# ---- fonts: the CJK font the agreement PDF embeds (libs/agreement-documents), from Debian's fonts-noto-cjk (SIL OFL).
# Only the collection it uses (Sans Regular, 19 MB of the package's 91) is copied into the runtime image, at the path
# the library reads, with the package's licence; nothing is fetched at run time.
FROM ${NODE_IMAGE} AS fonts
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*

# ---- prod-deps: production dependencies of the API and database CLI workspaces only (no portal, Nx, Jest...).
# The workspace libs it depends on are linked into node_modules/@skillbridge/.
FROM toolchain AS prod-deps
# @scarf/scarf (pulled in by a dependency) phones home from its postinstall unless told not to.
ENV SCARF_ANALYTICS=false
WORKDIR /repo
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --workspace=@skillbridge/api --workspace=@skillbridge/db-cli --no-audit --no-fund

# ---- runtime
FROM ${NODE_IMAGE} AS runtime
# The app runs `node` only: npm, npx and corepack are attack surface (and CVE noise) it never uses.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
# Owned by root and read-only to the app user on purpose.
COPY --from=prod-deps /repo/ ./
COPY --from=build /repo/libs/domain/dist/ libs/domain/dist/
COPY --from=build /repo/libs/contracts/dist/ libs/contracts/dist/
COPY --from=build /repo/libs/db/dist/ libs/db/dist/
COPY --from=build /repo/libs/runtime/dist/ libs/runtime/dist/
COPY --from=build /repo/libs/jobs/dist/ libs/jobs/dist/
COPY --from=build /repo/libs/accounts/dist/ libs/accounts/dist/
COPY --from=build /repo/libs/access-log/dist/ libs/access-log/dist/
COPY --from=build /repo/libs/notifications/dist/ libs/notifications/dist/
COPY --from=build /repo/libs/quotas/dist/ libs/quotas/dist/
COPY --from=build /repo/libs/match-rounds/dist/ libs/match-rounds/dist/
COPY --from=build /repo/libs/db-cli/dist/ libs/db-cli/dist/
COPY --from=build /repo/libs/agreement-documents/dist/ libs/agreement-documents/dist/
COPY --from=fonts /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc /usr/share/fonts/opentype/noto/
COPY --from=fonts /usr/share/doc/fonts-noto-cjk/copyright /usr/share/doc/fonts-noto-cjk/copyright
COPY --from=build /repo/apps/api/dist/ apps/api/dist/
# `node` of the official image, by number: Kubernetes' runAsNonRoot can only verify a numeric user.
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/v1/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/api/dist/main.js"]
