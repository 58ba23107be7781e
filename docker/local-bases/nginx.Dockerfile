# Local stand-in for nginxinc/nginx-unprivileged, for machines that cannot pull from Docker Hub.
# Built by scripts/docker-local-bases.sh; NOT the official image. Debian's nginx package, laid out
# as docker/portal.Dockerfile expects: user nginx uid/gid 101, site files in /etc/nginx/conf.d/,
# static files in /usr/share/nginx/html, port 8080, pid and temporary files under /tmp (so it runs
# as uid 101 with a read-only root filesystem), logs on stdout/stderr, curl for the HEALTHCHECK.
# docker/nginx.conf needs nginx >= 1.27.3 (`resolve` in an upstream): Debian stable (bookworm 1.22,
# trixie 1.26) is too old, so the script builds this one on a Debian unstable (sid) root.
ARG DEBIAN_IMAGE=skillbridge-local/debian:sid
FROM ${DEBIAN_IMAGE}
RUN groupadd --system --gid 101 nginx \
 && useradd --system --uid 101 --gid nginx --no-create-home --home-dir /nonexistent --shell /bin/false nginx \
 && apt-get update \
 && apt-get install -y --no-install-recommends nginx curl ca-certificates \
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/* /etc/nginx/sites-available/* \
 && mkdir -p /etc/nginx/conf.d /usr/share/nginx/html \
 && ln -sf /dev/stdout /var/log/nginx/access.log \
 && ln -sf /dev/stderr /var/log/nginx/error.log \
 && nginx -v
COPY nginx-main.conf /etc/nginx/nginx.conf
COPY nginx-default.conf /etc/nginx/conf.d/default.conf
RUN printf '<!doctype html><title>nginx</title><p>skillbridge-local/nginx\n' > /usr/share/nginx/html/index.html \
 && nginx -t
USER 101
EXPOSE 8080
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
