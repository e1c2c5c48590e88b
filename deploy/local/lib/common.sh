# shellcheck shell=bash
# Shared by the deploy/local scripts: paths, the app table, logging, privileges, secrets.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
MARKETPLACE_HOME="${MARKETPLACE_HOME:-$REPO_ROOT/.local}"
LOG_DIR="$MARKETPLACE_HOME/logs"
RUN_DIR="$MARKETPLACE_HOME/run"
SECRETS_FILE="$MARKETPLACE_HOME/secrets.env"
# rabbitmqctl and friends live in /usr/sbin, which a non-root PATH often lacks.
PATH="$PATH:/usr/sbin:/sbin"

# name, project folder, port. The assembly is the folder's last part; the database is the name.
APPS=(
  "gateway    gateway/Marketplace.Gateway                 8080"
  "onboarding services/Onboarding/Marketplace.Onboarding 5101"
  "payments   services/Payments/Marketplace.Payments     5102"
  "ledger     services/Ledger/Marketplace.Ledger         5103"
  "payouts    services/Payouts/Marketplace.Payouts       5104"
  "billing    services/Billing/Marketplace.Billing       5105"
  "fraud      services/Fraud/Marketplace.Fraud           5106"
  "webhooks   services/Webhooks/Marketplace.Webhooks     5107"
)

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  elif [[ ${CI:-} == true ]]; then
    sudo -n "$@" # never wait for a password prompt in CI
  else
    sudo "$@"
  fi
}

# cd / first: psql complains when postgres cannot enter the caller's directory.
as_postgres() { (cd / && as_root runuser -u postgres -- "$@"); }

new_password() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; } # hex: safe in URLs, SQL and connection strings

# Generated once, then reused; a key missing from an older file is added.
load_secrets() {
  mkdir -p "$MARKETPLACE_HOME" "$LOG_DIR" "$RUN_DIR"
  (umask 077 && touch "$SECRETS_FILE")
  chmod 600 "$SECRETS_FILE"
  # shellcheck source=/dev/null
  source "$SECRETS_FILE"
  local key entry name
  local keys=(MARKETPLACE_ADMIN_PASSWORD MARKETPLACE_RABBITMQ_PASSWORD MARKETPLACE_CONTEXT_SIGNING_KEY MARKETPLACE_ONBOARDING_ENCRYPTION_KEY MARKETPLACE_PAYMENTS_VAULT_KEY)
  for entry in "${APPS[@]}"; do
    read -r name _ <<<"$entry"
    keys+=("$(db_password_var "$name")")
  done
  for key in "${keys[@]}"; do
    if [[ -z ${!key:-} ]]; then
      printf -v "$key" '%s' "$(new_password)"
      printf '%s=%s\n' "$key" "${!key}" >>"$SECRETS_FILE"
    fi
  done
}

db_password_var() { printf 'MARKETPLACE_DB_PASSWORD_%s' "${1^^}"; }
