# Local stand-in for redis:7-bookworm, for machines that cannot pull from Docker Hub.
# Built by scripts/docker-local-bases.sh; NOT the official image: Debian bookworm's redis-server
# (7.0) and redis-cli, run as user redis (uid/gid 999 as in the official image) with its working
# directory /data. Like the official image it starts without a config file and with protected mode
# off (the compose network is the boundary), see redis-entrypoint.sh.
ARG DEBIAN_IMAGE=skillbridge-local/debian:bookworm
FROM ${DEBIAN_IMAGE}
RUN groupadd --system --gid 999 redis \
 && useradd --system --uid 999 --gid redis --home-dir /data --no-create-home --shell /usr/sbin/nologin redis \
 && apt-get update \
 && apt-get install -y --no-install-recommends redis-server \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data \
 && chown redis:redis /data
COPY redis-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
VOLUME /data
WORKDIR /data
ENTRYPOINT ["docker-entrypoint.sh"]
EXPOSE 6379
CMD ["redis-server"]
