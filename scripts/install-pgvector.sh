#!/usr/bin/env bash
# Make sure the pgvector extension ("vector") is available in the local
# PostgreSQL 15 server (Debian 12, 127.0.0.1:5432, user postgres, trust auth).
#
# Debian 12 ships no pgvector package, so when it is missing we fetch the
# source package from Debian 13 (trixie) through a private apt configuration
# (same mirror and keyring as /etc/apt/sources.list.d/debian.sources), and
# build it against PostgreSQL 15 with PGXS. Takes well under a minute.
#
# Re-runnable: exits immediately when the extension is already available.
# Needs root (apt-get install, make install).
set -euo pipefail

PG_MAJOR=15
PG_CONFIG=/usr/lib/postgresql/${PG_MAJOR}/bin/pg_config
PGHOST=127.0.0.1
PGPORT=5432
PGUSER=postgres
DEB_SOURCES=/etc/apt/sources.list.d/debian.sources
WORK="${TMPDIR:-/tmp}/pgvector-apt"

log() { echo "[install-pgvector] $*"; }
die() { echo "[install-pgvector] ERROR: $*" >&2; exit 1; }

psql_q() { psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -tAc "$1"; }

vector_available() {
  [ "$(psql_q "select 1 from pg_available_extensions where name='vector'" 2>/dev/null)" = "1" ]
}

# 1. Make sure the server is up (harmless if it already runs).
pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" main start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
  pg_isready -q -h "$PGHOST" -p "$PGPORT" && break
  sleep 1
done
pg_isready -q -h "$PGHOST" -p "$PGPORT" || die "PostgreSQL is not accepting connections on $PGHOST:$PGPORT"

# 2. Already there? Nothing to do.
if vector_available; then
  log "pgvector already available: $(psql_q "select default_version from pg_available_extensions where name='vector'")"
  exit 0
fi

[ "$(id -u)" = 0 ] || die "pgvector is missing and installing it needs root"
[ -r "$DEB_SOURCES" ] || die "cannot read $DEB_SOURCES"

# 3. Read URIs / Components / Signed-By of the main archive's "Types: deb"
#    entry (the stanza whose Suites holds a plain codename such as bookworm,
#    not -security/-updates).
IFS=$'\t' read -r URI COMPONENTS SIGNED_BY < <(awk '
  function flush() {
    if (types ~ /(^| )deb( |$)/ && uris != "" && !done) {
      split(uris, u, " "); if (comps == "") comps = "main"
      line = u[1] "\t" comps "\t" signed
      n = split(suites, s, " "); plain = 0
      for (i = 1; i <= n; i++) if (s[i] !~ /-/) plain = 1
      if (plain) { print line; done = 1 } else if (first == "") first = line
    }
    types = uris = suites = comps = signed = ""
  }
  /^[ \t]*#/ { next }                 # comments
  /^[ \t]*$/ { flush(); next }        # blank line ends a stanza
  /^[ \t]/   { next }                 # continuation lines (inline keys)
  {
    key = $1; sub(/:$/, "", key); $1 = ""; sub(/^[ \t]+/, "")
    if (key == "Types") types = $0
    else if (key == "URIs") uris = $0
    else if (key == "Suites") suites = $0
    else if (key == "Components") comps = $0
    else if (key == "Signed-By") signed = $0
  }
  END { flush(); if (!done && first != "") print first }
' "$DEB_SOURCES") || true
[ -n "${URI:-}" ] || die "could not find a 'Types: deb' entry in $DEB_SOURCES"

# 4. Private apt configuration that only knows trixie's source packages.
log "fetching pgvector source from trixie ($URI)"
rm -rf "$WORK"
mkdir -p "$WORK/sources" "$WORK/lists/partial" "$WORK/build"
# let apt's sandbox user write the download (avoids an "unsandboxed" warning)
id _apt >/dev/null 2>&1 && chown _apt "$WORK/build" || true
{
  echo "Types: deb-src"
  echo "URIs: $URI"
  echo "Suites: trixie"
  echo "Components: $COMPONENTS"
  if [ -n "$SIGNED_BY" ]; then echo "Signed-By: $SIGNED_BY"; fi
} > "$WORK/sources/trixie-src.sources"

APT_OPTS=(
  -o Dir::Etc::SourceList=/dev/null
  -o "Dir::Etc::SourceParts=$WORK/sources"
  -o "Dir::State::Lists=$WORK/lists"
  -o "Dir::Cache::pkgcache="        # don't touch the system's apt caches
  -o "Dir::Cache::srcpkgcache="
)
apt-get "${APT_OPTS[@]}" -qq update || die "apt-get update for trixie sources failed"
( cd "$WORK/build" && apt-get "${APT_OPTS[@]}" -qq source --download-only pgvector ) \
  || die "apt-get source pgvector (trixie) failed"

ORIG=$(ls "$WORK"/build/pgvector_*.orig.tar.gz 2>/dev/null | head -n1)
[ -n "$ORIG" ] || die "no pgvector_*.orig.tar.gz was downloaded"
log "unpacking $(basename "$ORIG")"
mkdir -p "$WORK/build/src"
tar -xzf "$ORIG" -C "$WORK/build/src" --strip-components=1

# 5. Build dependencies (PGXS headers + compiler).
log "installing postgresql-server-dev-$PG_MAJOR"
BUILD_DEPS=(postgresql-server-dev-"$PG_MAJOR" build-essential)
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${BUILD_DEPS[@]}" >/dev/null; then
  log "package not found in current lists, running apt-get update"
  apt-get -qq update
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${BUILD_DEPS[@]}" >/dev/null \
    || die "could not install ${BUILD_DEPS[*]}"
fi
[ -x "$PG_CONFIG" ] || die "$PG_CONFIG missing after installing postgresql-server-dev-$PG_MAJOR"

# 6. Build and install. OPTFLAGS="" avoids -march=native, so the result does
#    not depend on this particular CPU.
log "building pgvector"
make -C "$WORK/build/src" -s -j"$(nproc)" PG_CONFIG="$PG_CONFIG" OPTFLAGS="" >/dev/null \
  || die "building pgvector failed (sources left in $WORK/build/src)"
make -C "$WORK/build/src" -s install PG_CONFIG="$PG_CONFIG" OPTFLAGS="" >/dev/null \
  || die "make install of pgvector failed"

# 7. Verify.
vector_available || die "pgvector was built but 'vector' is still not in pg_available_extensions"
log "pgvector installed: $(psql_q "select default_version from pg_available_extensions where name='vector'")"
rm -rf "$WORK"
