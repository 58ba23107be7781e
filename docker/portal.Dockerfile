# SkillBridge portal (React SPA built by Vite) served by nginx on port 8080, with `/api/` balanced
# over the API replicas (hosts `api-1` and `api-2`, port 3000: see docker/nginx.conf). Build from
# the repository root (the context must be the repo root):
#
#   docker build -f docker/portal.Dockerfile -t skillbridge-portal .
#
# Files left out of the context: docker/portal.Dockerfile.dockerignore (needs BuildKit, the
# default builder since Docker 23).
#
# BuildKit is required (`RUN --mount=type=cache`, the Dockerfile-specific .dockerignore): the
# default builder since Docker 23; on Docker 20.10 set DOCKER_BUILDKIT=1. There is deliberately no
# `# syntax=docker/dockerfile:1` line: it makes BuildKit pull its frontend image from Docker Hub,
# which fails offline or where Docker Hub is blocked, and the built-in frontend (Docker >= 20.10)
# handles this file.
#
# The base images are build arguments (NODE_IMAGE, NGINX_IMAGE), e.g. the local stand-ins that
# scripts/docker-local-bases.sh builds where Docker Hub cannot be reached (docker/README.md).

ARG NODE_IMAGE=node:20-bookworm-slim
# nginx as a non-root user (uid 101), listening on 8080; Debian-based, ships curl.
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.28

# ---- manifests: only the package.json files and the lockfile. Its output changes only when they
# do, so the `npm ci` layer below stays cached while sources change.
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

# ---- build: the workspace's dependencies, then Nx builds the portal (and @skillbridge/contracts).
FROM toolchain AS build
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true SCARF_ANALYTICS=false
WORKDIR /repo
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npx nx run @skillbridge/portal:build \
 && test -f apps/portal/dist/index.html

# ---- runtime: static files and nginx only.
FROM ${NGINX_IMAGE} AS runtime
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /repo/apps/portal/dist/ /usr/share/nginx/html/
# The base image already runs as uid 101; stated again so a changed base cannot make it root.
USER 101
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/healthz"]
CMD ["nginx", "-g", "daemon off;"]
