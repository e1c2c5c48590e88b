# shellcheck shell=bash
# PostgreSQL and RabbitMQ from Debian packages, started without systemd. Needs common.sh.

PG_PORT=5432
RABBITMQ_API=http://127.0.0.1:15672/api
SERVERS_LOG="$LOG_DIR/servers.log"

install_servers() {
  local missing=()
  compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
  [[ -x /usr/sbin/rabbitmq-server ]] || missing+=(rabbitmq-server)
  command -v curl >/dev/null || missing+=(curl)
  # The end-to-end tests drive the hosted onboarding page in Debian's Chromium (Playwright cannot download browsers here).
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  ((${#missing[@]} == 0)) && return
  log "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >>"$SERVERS_LOG"
}

# The newest installed server version, and its "main" cluster.
pg_version() { { find /usr/lib/postgresql -path '*/bin/postgres' 2>/dev/null || true; } | cut -d/ -f5 | sort -n | tail -n1; }
pg_cluster() { pg_lsclusters --no-header | awk -v v="$1" '$1 == v && $2 == "main"'; }

# Eight apps, each with a pool of up to PG_POOL connections, and the tests' hosts beside them: more than the
# default 100 slots, which a loaded service alone could take (seen: Onboarding's five endpoints under load).
PG_SETTINGS="max_connections = 400"
PG_POOL=40

# Writes our settings into the cluster's conf.d; true when they changed (the server must then restart).
configure_postgres() { # version
  local file="/etc/postgresql/$1/main/conf.d/marketplace.conf"
  [[ -f $file && $(<"$file") == "$PG_SETTINGS" ]] && return 1
  printf '%s\n' "$PG_SETTINGS" | as_root tee "$file" >/dev/null
}

start_postgres() {
  local version cluster
  version="$(pg_version)"
  [[ -n $version ]] || die "no PostgreSQL server under /usr/lib/postgresql"
  [[ -n $(pg_cluster "$version") ]] || as_root pg_createcluster "$version" main >>"$SERVERS_LOG"
  cluster="$(pg_cluster "$version")"
  PG_PORT="$(awk '{print $3}' <<<"$cluster")"
  if configure_postgres "$version" && [[ $(awk '{print $4}' <<<"$cluster") == online* ]]; then
    log "restarting PostgreSQL $version for its new settings"
    as_root pg_ctlcluster "$version" main restart >>"$SERVERS_LOG" 2>&1 </dev/null ||
      die "PostgreSQL did not restart; see $SERVERS_LOG and /var/log/postgresql/"
  elif [[ $(awk '{print $4}' <<<"$cluster") != online* ]]; then
    log "starting PostgreSQL $version"
    # Redirected so the server never holds our caller's stdout open.
    as_root pg_ctlcluster "$version" main start >>"$SERVERS_LOG" 2>&1 </dev/null ||
      die "PostgreSQL did not start; see $SERVERS_LOG and /var/log/postgresql/"
  fi
}

stop_postgres() {
  local version
  version="$(pg_version)"
  [[ -n $version ]] && command -v pg_lsclusters >/dev/null || return 0
  [[ $(pg_cluster "$version" | awk '{print $4}') == online* ]] || return 0
  log "stopping PostgreSQL $version"
  as_root pg_ctlcluster "$version" main stop
}

# Roles and databases; re-setting the passwords each run keeps them in step with secrets.env.
# pg_signal_backend lets the admin's DROP DATABASE ... WITH (FORCE) end an autovacuum worker still in a test database.
setup_postgres() {
  local entry name var sql
  sql="SELECT 'CREATE ROLE marketplace_admin' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'marketplace_admin')\\gexec
ALTER ROLE marketplace_admin WITH LOGIN CREATEDB CREATEROLE PASSWORD '$MARKETPLACE_ADMIN_PASSWORD';
SELECT 'GRANT pg_signal_backend TO marketplace_admin' WHERE NOT pg_has_role('marketplace_admin', 'pg_signal_backend', 'MEMBER')\\gexec"
  for entry in "${APPS[@]}"; do
    read -r name _ <<<"$entry"
    var="$(db_password_var "$name")"
    sql+="
SELECT 'CREATE ROLE $name' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$name')\\gexec
ALTER ROLE $name WITH LOGIN PASSWORD '${!var}';
SELECT 'CREATE DATABASE $name OWNER $name' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$name')\\gexec"
  done
  # On stdin, so no password shows in the process list.
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres >/dev/null <<<"$sql"
  # Prove the TCP + password path the apps and tests use (pg_hba: scram-sha-256 on 127.0.0.1).
  PGPASSWORD="$MARKETPLACE_ADMIN_PASSWORD" psql -X -q -w -At -h 127.0.0.1 -p "$PG_PORT" -U marketplace_admin \
    -d postgres -c 'select 1' >/dev/null || die "cannot log in to PostgreSQL over TCP as marketplace_admin; check pg_hba.conf"
}

rabbitmq_ready() { as_root rabbitmqctl -q await_startup --timeout "${1:-1}" >/dev/null 2>&1; }
management_enabled() { grep -qs rabbitmq_management /etc/rabbitmq/enabled_plugins; }

start_rabbitmq() {
  if rabbitmq_ready; then
    management_enabled || as_root rabbitmq-plugins enable rabbitmq_management >>"$SERVERS_LOG"
    return
  fi
  log "starting RabbitMQ"
  management_enabled || as_root rabbitmq-plugins enable --offline rabbitmq_management >>"$SERVERS_LOG"
  as_root rabbitmq-server -detached >>"$SERVERS_LOG" 2>&1 </dev/null
  # await_startup exits 69 at once until the node exists, then waits for the boot (~9 s).
  local deadline=$((SECONDS + 90))
  until rabbitmq_ready 60; do
    ((SECONDS < deadline)) || die "RabbitMQ did not start; see /var/log/rabbitmq/"
    sleep 1
  done
}

# Every connection drops and every client reconnects; quorum queues keep what they hold.
restart_rabbitmq() {
  log "restarting RabbitMQ's application"
  as_root rabbitmqctl -q stop_app
  as_root rabbitmqctl -q start_app
  rabbitmq_ready 60 || die "RabbitMQ did not come back; see /var/log/rabbitmq/"
}

stop_rabbitmq() {
  [[ -x /usr/sbin/rabbitmqctl ]] && rabbitmq_ready || return 0
  log "stopping RabbitMQ"
  as_root rabbitmqctl -q stop
}

rabbitmq_api() { # method path [json]
  curl -fsS -o /dev/null --retry 5 --retry-connrefused --max-time 10 -u "marketplace_admin:$MARKETPLACE_ADMIN_PASSWORD" \
    -H 'content-type: application/json' -X "$1" "$RABBITMQ_API/$2" ${3:+--data "$3"}
}

# rabbitmqctl costs ~0.6 s a call, so it only bootstraps the admin; the rest goes through the HTTP API.
setup_rabbitmq() {
  if ! rabbitmq_api GET whoami 2>/dev/null; then
    if as_root rabbitmqctl -q list_users --no-table-headers | cut -f1 | grep -qx marketplace_admin; then
      as_root rabbitmqctl -q change_password marketplace_admin "$MARKETPLACE_ADMIN_PASSWORD"
    else
      as_root rabbitmqctl -q add_user marketplace_admin "$MARKETPLACE_ADMIN_PASSWORD" >/dev/null
    fi
    as_root rabbitmqctl -q set_user_tags marketplace_admin administrator
  fi
  local all='{"configure":".*","write":".*","read":".*"}'
  rabbitmq_api PUT vhosts/marketplace
  rabbitmq_api PUT users/marketplace "{\"password\":\"$MARKETPLACE_RABBITMQ_PASSWORD\",\"tags\":\"\"}"
  rabbitmq_api PUT permissions/marketplace/marketplace "$all"
  rabbitmq_api PUT permissions/marketplace/marketplace_admin "$all"
  rabbitmq_api PUT permissions/%2F/marketplace_admin "$all"
}

ensure_servers() {
  load_secrets
  install_servers
  start_postgres
  start_rabbitmq
  setup_postgres
  setup_rabbitmq
}

# Connection strings as the apps and tests read them. Loopback only, so no TLS (decision 0021): Debian's server
# offers it, and Npgsql would otherwise encrypt every message both ways for nothing.
pg_connection() { # database user password
  printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s;Maximum Pool Size=%s;SSL Mode=Disable' "$PG_PORT" "$1" "$2" "$3" "$PG_POOL"
}
rabbitmq_connection() { printf 'amqp://marketplace:%s@127.0.0.1:5672/marketplace' "$MARKETPLACE_RABBITMQ_PASSWORD"; }

test_environment() { # KEY=value lines
  printf 'MARKETPLACE_TEST_POSTGRES=Host=127.0.0.1;Port=%s;Username=marketplace_admin;Password=%s;Database=postgres;SSL Mode=Disable\n' \
    "$PG_PORT" "$MARKETPLACE_ADMIN_PASSWORD"
  printf 'MARKETPLACE_TEST_RABBITMQ_HOST=127.0.0.1\n'
  printf 'MARKETPLACE_TEST_RABBITMQ_USER=marketplace_admin\n'
  printf 'MARKETPLACE_TEST_RABBITMQ_PASSWORD=%s\n' "$MARKETPLACE_ADMIN_PASSWORD"
  printf 'MARKETPLACE_TEST_RABBITMQ_MANAGEMENT=%s\n' "${RABBITMQ_API%/api}"
}
