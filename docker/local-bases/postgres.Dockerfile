# Local stand-in for postgres:16-bookworm, for machines that cannot pull from Docker Hub.
# Built by scripts/docker-local-bases.sh; NOT the official image: Debian bookworm's PostgreSQL 15
# (bookworm ships no 16). What the app relies on behaves the same: postgres-entrypoint.sh creates
# POSTGRES_USER (superuser) with POSTGRES_PASSWORD and POSTGRES_DB on an empty data directory,
# then runs `postgres` with the given arguments as user postgres; data in /var/lib/postgresql/data;
# pg_isready and psql on PATH.
ARG DEBIAN_IMAGE=skillbridge-local/debian:bookworm
FROM ${DEBIAN_IMAGE}
# uid/gid 999 as in the official image.
RUN groupadd --system --gid 999 postgres \
 && useradd --system --uid 999 --gid postgres --home-dir /var/lib/postgresql --shell /bin/bash postgres \
 && mkdir -p /etc/postgresql-common/createcluster.d \
 && echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.d/no-main-cluster.conf \
 && apt-get update \
 && apt-get install -y --no-install-recommends postgresql-15 \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/run/postgresql /var/lib/postgresql/data \
 && chown postgres:postgres /var/run/postgresql /var/lib/postgresql /var/lib/postgresql/data \
 && chmod 3777 /var/run/postgresql \
 && chmod 700 /var/lib/postgresql/data
ENV PATH=/usr/lib/postgresql/15/bin:$PATH \
    PGDATA=/var/lib/postgresql/data \
    LANG=C.UTF-8
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
VOLUME /var/lib/postgresql/data
ENTRYPOINT ["docker-entrypoint.sh"]
STOPSIGNAL SIGINT
EXPOSE 5432
CMD ["postgres"]
