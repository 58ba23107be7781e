# Local stand-in for node:20-bookworm-slim, for machines that cannot pull from Docker Hub.
# Built by scripts/docker-local-bases.sh; NOT the official image. Laid out like it: node at
# /usr/local/bin/node, npm (and corepack) under /usr/local/lib/node_modules with the usual links,
# headers in /usr/local/include/node, user `node` uid/gid 1000 with home /home/node. The build context is a folder the script fills with
# the host's Node.js 20 binary and its npm and corepack (the host's Node must be a self-contained
# build, e.g. the nodejs.org or NodeSource one: `ldd` shows only libc, libstdc++ and friends).
ARG DEBIAN_IMAGE=skillbridge-local/debian:bookworm
FROM ${DEBIAN_IMAGE}
RUN groupadd --gid 1000 node \
 && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
COPY node /usr/local/bin/node
COPY npm/ /usr/local/lib/node_modules/npm/
COPY corepack/ /usr/local/lib/node_modules/corepack/
# Node's headers, where the official image has them; node-gyp is told to use them (it would
# otherwise download them from nodejs.org, which an offline build cannot reach).
COPY include-node/ /usr/local/include/node/
ENV npm_config_nodedir=/usr/local
# CAs of the host besides Node's own (e.g. a TLS-inspecting proxy's), so that npm reaches the
# registry from image builds. Trusted only when the script passes NODE_EXTRA_CA_CERTS (it does when
# the host has such CAs); images built on this one inherit that trust.
COPY extra-ca.pem /usr/local/share/skillbridge-local/extra-ca.pem
ARG NODE_EXTRA_CA_CERTS=
ENV NODE_EXTRA_CA_CERTS=${NODE_EXTRA_CA_CERTS}
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && ln -s ../lib/node_modules/corepack/dist/corepack.js /usr/local/bin/corepack \
 && node --version && npm --version
CMD ["node"]
