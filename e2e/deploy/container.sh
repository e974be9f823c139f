# Runs a container's root filesystem the way a container runtime would, without one (none runs on
# the machines this is checked on): its own mount and network namespaces (loopback up), chroot into
# the root filesystem, /proc mounted, /dev bound, a fresh tmpfs on /tmp (the chart's emptyDir), then
# the process with only the given environment, working directory and uid/gid. Root only. Source it:
# it defines functions and changes nothing by itself. e2e/deploy/image uses it for the image's
# training run and for running the image; a benchmark can run the unpacked image in a cgroup of its
# own (container_start's third argument: the pod's CPU quota and memory limit).

# rootfs_exec ROOTFS CWD UID:GID CGROUPS READY_FILE ENV_FILE ARG...: replaces the calling process
# (keeping its pid) with ARG... inside ROOTFS. ENV_FILE holds NAME=value lines; CGROUPS, the
# cgroup directories to run in (space-separated: one with cgroup v2; with v1 e.g. a cpu and a memory
# directory), may be empty; the pid is written to READY_FILE when not empty. With CONTAINER_NET=host
# the process shares the host's network (to reach a database on the host's loopback).
rootfs_exec() {
  local rootfs="$1" cwd="$2" user="$3" cgroup="$4" ready="$5" env_file="$6"
  shift 6
  local -a env
  mapfile -t env <"$env_file"
  local net=--net
  [ "${CONTAINER_NET:-}" != host ] || net=
  exec unshare --mount $net --fork --propagation private -- bash -c '
      set -e
      rootfs="$1" cgroup="$2" ready="$3"; shift 3
      if [ -n "'"$net"'" ]; then ip link set lo up; fi
      mount --bind "$rootfs" "$rootfs"
      mount -t proc proc "$rootfs/proc"
      mount --rbind /dev "$rootfs/dev"
      mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$rootfs/tmp"
      for dir in $cgroup; do echo $$ > "$dir/cgroup.procs"; done
      if [ -n "$ready" ]; then echo $$ > "$ready"; fi
      exec "$@"' launcher "$rootfs" "$cgroup" "$ready" \
    env -i "${env[@]}" \
    unshare --root="$rootfs" --wd="$cwd" --setgid="${user#*:}" --setuid="${user%%:*}" -- "$@"
}

# container_start BUNDLE LOG [CGROUPS]: starts an unpacked image's process (umoci unpack's bundle:
# rootfs/ and config.json with the image's args, env, cwd and user) in the background, its output
# in LOG, in the cgroup directories CGROUPS (see rootfs_exec); NAME=value words in the array
# CONTAINER_ENV are added to its environment (as a pod's env does). Sets CONTAINER_PID (the process
# itself: /proc/$CONTAINER_PID is the JVM's) and CONTAINER_WAIT_PID (its launcher, to `wait` for:
# its exit status is the process's).
container_start() {
  local bundle="$1" log="$2" cgroup="${3:-}"
  local config="$bundle/config.json" rootfs ready="$bundle/.pid"
  rootfs="$(cd "$bundle/rootfs" && pwd)"
  local -a args
  mapfile -t args < <(jq -r '.process.args[]' "$config")
  jq -r '.process.env[]' "$config" >"$bundle/.env"
  if [ -n "${CONTAINER_ENV+set}" ]; then printf '%s\n' "${CONTAINER_ENV[@]}" >>"$bundle/.env"; fi
  rm -f "$ready"
  (rootfs_exec "$rootfs" "$(jq -r '.process.cwd // "/"' "$config")" \
    "$(jq -r '"\(.process.user.uid):\(.process.user.gid)"' "$config")" \
    "$cgroup" "$ready" "$bundle/.env" "${args[@]}") >"$log" 2>&1 &
  CONTAINER_WAIT_PID=$!
  for _ in $(seq 1 100); do
    [ -s "$ready" ] && break
    kill -0 "$CONTAINER_WAIT_PID" 2>/dev/null || break
    sleep 0.1
  done
  if [ ! -s "$ready" ]; then
    echo "the container did not start: $(cat "$log")" >&2
    return 1
  fi
  CONTAINER_PID=$(cat "$ready")
}

# container_net COMMAND...: runs a host command in the container's network namespace (curl against
# the container's own loopback and ports).
container_net() {
  if [ "${CONTAINER_NET:-}" = host ]; then "$@"; else nsenter --target "$CONTAINER_PID" --net -- "$@"; fi
}

# container_stop [SECONDS]: SIGTERM, as the kubelet sends; sets CONTAINER_STATUS to the process's
# exit status (after SECONDS, default 15: SIGKILL). Call it in the shell that started the container.
container_stop() {
  local seconds="${1:-15}"
  kill -TERM "$CONTAINER_PID" 2>/dev/null || true
  for _ in $(seq 1 $((seconds * 10))); do
    kill -0 "$CONTAINER_PID" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$CONTAINER_PID" 2>/dev/null || true
  CONTAINER_STATUS=0
  wait "$CONTAINER_WAIT_PID" || CONTAINER_STATUS=$?
}
