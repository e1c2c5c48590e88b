# shellcheck shell=bash
# Starting, checking and stopping the eight apps. Needs common.sh and servers.sh.

# Alive and still our app (a recycled pid would run something else).
app_pid() { # name assembly -> prints the pid when running
  local pid
  pid="$(cat "$RUN_DIR/$1.pid" 2>/dev/null)" || return 1
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && grep -qa "$2.dll" "/proc/$pid/cmdline" 2>/dev/null || return 1
  printf '%s' "$pid"
}

build_solution() {
  log "building Marketplace.sln (log: $LOG_DIR/build.log)"
  if ! dotnet build "$REPO_ROOT/Marketplace.sln" -c Release -v q -nologo -tl:off >"$LOG_DIR/build.log" 2>&1; then
    grep -E ': error ' "$LOG_DIR/build.log" | sort -u >&2 || tail -n 40 "$LOG_DIR/build.log" >&2
    die "build failed"
  fi
}

start_app() { # name folder port
  local name=$1 dir=$REPO_ROOT/$2 port=$3 asm pid var extra=()
  asm="$(basename "$2")"
  if pid="$(app_pid "$name" "$asm")"; then
    log "$name already running (pid $pid); deploy/local/down first to restart it"
    return
  fi
  [[ -f $dir/bin/Release/net10.0/$asm.dll ]] || die "$name is not built: no $dir/bin/Release/net10.0/$asm.dll (is it in Marketplace.sln? did the build run?)"
  var="$(db_password_var "$name")"
  # Onboarding seals bank account and ID numbers at rest with a key only it holds.
  [[ $name == onboarding ]] && extra+=("Onboarding__EncryptionKey=$MARKETPLACE_ONBOARDING_ENCRYPTION_KEY")
  # Payments seals full card numbers in its vault with a key only it holds.
  [[ $name == payments ]] && extra+=("Payments__VaultKey=$MARKETPLACE_PAYMENTS_VAULT_KEY")
  log "starting $name on port $port"
  printf '\n==> %s: starting %s\n' "$(date -Is)" "$asm" >>"$LOG_DIR/$name.log"
  # setsid: its own session, so neither Ctrl-C nor closing this terminal reaches it. A background
  # job of a script is no process-group leader, so setsid execs in place and $! stays its pid.
  (
    cd "$dir" || exit
    exec env ASPNETCORE_URLS="http://127.0.0.1:$port" \
      ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
      "ConnectionStrings__$name=$(pg_connection "$name" "$name" "${!var}")" \
      "ConnectionStrings__rabbitmq=$(rabbitmq_connection)" \
      "Gateway__ContextSigningKey=$MARKETPLACE_CONTEXT_SIGNING_KEY" \
      "${extra[@]}" \
      setsid dotnet "bin/Release/net10.0/$asm.dll"
  ) >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
  echo "$!" >"$RUN_DIR/$name.pid"
}

wait_healthy() { # name folder port deadline(SECONDS)
  local name=$1 asm port=$3 deadline=$4 code
  asm="$(basename "$2")"
  until code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health")" && [[ $code == 200 ]]; do
    if ! app_pid "$name" "$asm" >/dev/null; then
      tail -n 40 "$LOG_DIR/$name.log" >&2
      die "$name exited; log: $LOG_DIR/$name.log"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 40 "$LOG_DIR/$name.log" >&2
      die "$name not healthy at http://127.0.0.1:$port/health after ${MARKETPLACE_START_TIMEOUT:-120} s (last status ${code:-none}); log: $LOG_DIR/$name.log"
    fi
    sleep 1
  done
  log "$name healthy"
}

# SIGTERM to all, up to 10 s for all to exit, then SIGKILL.
stop_apps() {
  local entry name dir asm pid pids=()
  for entry in "${APPS[@]}"; do
    read -r name dir _ <<<"$entry"
    asm="$(basename "$dir")"
    if pid="$(app_pid "$name" "$asm")"; then
      log "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
    rm -f "$RUN_DIR/$name.pid"
  done
  local deadline=$((SECONDS + 10))
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      log "killing pid $pid"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}
