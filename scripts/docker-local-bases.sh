#!/usr/bin/env bash
# Builds LOCAL STAND-INS for the base images of docker/ on a machine that cannot pull from Docker
# Hub (no registry reachable, or Docker Hub blocked) but reaches a Debian package mirror:
#
#   skillbridge-local/debian:bookworm   debootstrap --variant=minbase bookworm, imported
#   skillbridge-local/debian:sid        the same for Debian unstable (only for nginx, see below)
#   skillbridge-local/node:20           for node:20-bookworm-slim: this host's Node.js 20 and npm
#   skillbridge-local/nginx             for nginxinc/nginx-unprivileged: Debian sid's nginx, uid 101, :8080
#   skillbridge-local/postgres:15       for postgres:16-bookworm: Debian bookworm's PostgreSQL 15
#   skillbridge-local/redis:7           for redis:7-bookworm: Debian bookworm's Redis 7.0
#
# They are not the official images and are never tagged as such. docker/README.md says how to run
# the stack on them (the compose file and the Dockerfiles take the base images as variables).
#
# Usage, as root (debootstrap) on a Debian/Ubuntu host with Docker, Node.js 20 and npm:
#
#   scripts/docker-local-bases.sh              # builds what is missing
#   scripts/docker-local-bases.sh node nginx   # only these (of: node postgres redis nginx)
#   FORCE=1 scripts/docker-local-bases.sh      # rebuilds (FORCE also redoes debootstrap)
#
# Settings (environment): LOCAL_BASES_DIR (work folder for the root filesystems and build
# contexts, outside the repository; default ~/.cache/skillbridge-local-bases), DEBIAN_MIRROR
# (default http://deb.debian.org/debian), DEBIAN_SECURITY_MIRROR, NODE_BIN (default: `node` on
# PATH), EXTRA_CA_CERTS (PEM files the node stand-in trusts besides Node's own CAs, for a
# TLS-inspecting proxy; default: the host's /usr/local/share/ca-certificates/*.crt), DOCKER
# (default: docker).
#
# Why sid for nginx: docker/nginx.conf uses `resolve` on upstream servers (nginx >= 1.27.3, the
# official image has 1.28); Debian stable's nginx is older (bookworm 1.22, trixie 1.26).
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HERE="$ROOT/docker/local-bases"
WORK="${LOCAL_BASES_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/skillbridge-local-bases}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SECURITY_MIRROR="${DEBIAN_SECURITY_MIRROR:-${MIRROR%/debian}/debian-security}"
DOCKER="${DOCKER:-docker}"
FORCE="${FORCE:-}"
export DOCKER_BUILDKIT="${DOCKER_BUILDKIT:-1}"

log() { printf '\n== %s\n' "$*" >&2; }
have_image() { [ -z "$FORCE" ] && "$DOCKER" image inspect "$1" > /dev/null 2>&1; }

mkdir -p "$WORK"

# debian:<suite>: a minbase root filesystem, apt sources set, caches emptied, imported as an image.
debian_base() {
  local suite="$1" image="skillbridge-local/debian:$1" dir="$WORK/rootfs-$1"
  if have_image "$image"; then log "$image exists"; return; fi
  command -v debootstrap > /dev/null || { echo 'debootstrap is missing: apt-get install -y debootstrap' >&2; exit 1; }
  # A finished debootstrap (it removes its own debootstrap/ folder last) is reused unless FORCE.
  if [ -z "$FORCE" ] && [ -f "$dir/etc/os-release" ] && [ ! -d "$dir/debootstrap" ]; then
    log "reusing $dir"
  else
    log "debootstrap $suite -> $dir"
    rm -rf "$dir"
    debootstrap --variant=minbase "$suite" "$dir" "$MIRROR"
  fi
  if [ "$suite" = sid ]; then
    echo "deb $MIRROR sid main" > "$dir/etc/apt/sources.list"
    # sid's Release file is valid for a week only; a mirror that lags (or a skewed clock) makes apt
    # refuse it as expired. Signatures are still checked.
    echo 'Acquire::Check-Valid-Until "false";' > "$dir/etc/apt/apt.conf.d/10skillbridge-local-sid"
  else
    printf 'deb %s %s main\ndeb %s %s-updates main\ndeb %s %s-security main\n' \
      "$MIRROR" "$suite" "$MIRROR" "$suite" "$SECURITY_MIRROR" "$suite" > "$dir/etc/apt/sources.list"
  fi
  # As in Docker's official Debian images: no recommends, no package caches kept in layers.
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' > "$dir/etc/apt/apt.conf.d/90skillbridge-local"
  printf 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true"; };\n' >> "$dir/etc/apt/apt.conf.d/90skillbridge-local"
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/var/log/*.log "$dir"/var/log/apt/*
  log "import $image"
  tar --numeric-owner -C "$dir" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -c . \
    | "$DOCKER" import \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'CMD ["bash"]' \
        --message "debootstrap --variant=minbase $suite $MIRROR (skillbridge-local stand-in)" \
        - "$image"
}

build() { # image dockerfile context [build args...]
  local image="$1" dockerfile="$2" context="$3"; shift 3
  if have_image "$image"; then log "$image exists"; return; fi
  log "build $image"
  "$DOCKER" build --label org.opencontainers.image.description="skillbridge-local stand-in, not an official image" \
    -f "$dockerfile" -t "$image" "$@" "$context"
}

want() { case " $TARGETS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
TARGETS="${*:-node postgres redis nginx}"

# node: the host's Node.js 20 binary with its npm and corepack, in a context folder of its own.
if want node; then
  debian_base bookworm
  if ! have_image skillbridge-local/node:20; then
    NODE_BIN="${NODE_BIN:-$(command -v node)}"
    version="$("$NODE_BIN" -p 'process.versions.node')"
    case "$version" in 20.*) ;; *) echo "need Node.js 20, $NODE_BIN is $version" >&2; exit 1 ;; esac
    # Copied alone into the image: it must be a self-contained build (nodejs.org's, NodeSource's),
    # not one linked to shared libraries that the image lacks (Debian's nodejs uses libnode, libuv…).
    extra_libs="$(ldd "$(readlink -f "$NODE_BIN")" | grep -v -E 'linux-vdso|ld-linux|lib(c|m|dl|pthread|rt|stdc\+\+|gcc_s)\.so' || true)"
    [ -z "$extra_libs" ] || { echo "$NODE_BIN needs shared libraries the image lacks:" >&2; echo "$extra_libs" >&2; exit 1; }
    npm_cli="$(readlink -f "$(command -v npm)")"           # …/lib/node_modules/npm/bin/npm-cli.js
    modules="$(dirname "$(dirname "$(dirname "$npm_cli")")")"
    [ -d "$modules/npm" ] && [ -d "$modules/corepack" ] || { echo "no npm and corepack in $modules" >&2; exit 1; }
    ctx="$WORK/ctx-node"
    rm -rf "$ctx" && mkdir -p "$ctx"
    cp "$(readlink -f "$NODE_BIN")" "$ctx/node"
    cp -a "$modules/npm" "$modules/corepack" "$ctx/"
    # Node's C headers, as the official image has them in /usr/local/include/node: node-gyp compiles
    # native modules against them instead of downloading them from nodejs.org.
    headers="$(dirname "$(readlink -f "$NODE_BIN")")/../include/node"
    [ -f "$headers/node_version.h" ] || { echo "no Node.js headers in $headers" >&2; exit 1; }
    cp -a "$headers" "$ctx/include-node"
    # The CAs this host adds to the system's (e.g. a TLS-inspecting egress proxy's): without them
    # `npm ci` in the image builds fails with SELF_SIGNED_CERT_IN_CHAIN behind such a proxy.
    : > "$ctx/extra-ca.pem"
    for crt in ${EXTRA_CA_CERTS:-/usr/local/share/ca-certificates/*.crt}; do
      [ -f "$crt" ] && { cat "$crt"; echo; } >> "$ctx/extra-ca.pem"
    done
    log "node $version, npm $("$NODE_BIN" "$npm_cli" --version) from $modules; extra CAs: $(grep -c 'BEGIN CERTIFICATE' "$ctx/extra-ca.pem" || true)"
  fi
  extra_ca=()
  [ -s "$WORK/ctx-node/extra-ca.pem" ] && extra_ca=(--build-arg NODE_EXTRA_CA_CERTS=/usr/local/share/skillbridge-local/extra-ca.pem)
  build skillbridge-local/node:20 "$HERE/node.Dockerfile" "$WORK/ctx-node" "${extra_ca[@]}"
fi
if want postgres; then
  debian_base bookworm
  build skillbridge-local/postgres:15 "$HERE/postgres.Dockerfile" "$HERE"
fi
if want redis; then
  debian_base bookworm
  build skillbridge-local/redis:7 "$HERE/redis.Dockerfile" "$HERE"
fi
if want nginx; then
  debian_base sid
  build skillbridge-local/nginx "$HERE/nginx.Dockerfile" "$HERE"
fi

log 'done'
"$DOCKER" image ls 'skillbridge-local/*'
cat <<'EOF'

Use them (docker/README.md, "Without Docker Hub"):
  export NODE_IMAGE=skillbridge-local/node:20 NGINX_IMAGE=skillbridge-local/nginx \
         POSTGRES_IMAGE=skillbridge-local/postgres:15 REDIS_IMAGE=skillbridge-local/redis:7
EOF
