# Builds the Dockerfile's image without a Docker engine: Debian's libc6 stands in for the base image,
# jlink from the local JDK for the `jre` stage, the local jar for the `build` stage; the final stage's
# instructions are read from the Dockerfile itself and applied to a umoci bundle (COPY, ENV, RUN of
# the training, USER, WORKDIR, EXPOSE, LABEL, ENTRYPOINT, CMD), so the image has the Dockerfile's
# layout, user, environment, entrypoint, ports and labels. An instruction it does not know stops it.
# Source it after container.sh; it defines functions and changes nothing by itself.

# ensure_image_tools: umoci, skopeo and jq from Debian's packages when missing.
ensure_image_tools() {
  local missing=() tool
  for tool in umoci skopeo jq; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]} from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# dockerfile_stage FILE [NAME]: the instructions of one stage (the final one without NAME), one a
# line: continuation lines joined, comments and blank lines dropped.
dockerfile_stage() {
  sed -e ':a' -e '/\\$/{N;s/\\\n[[:space:]]*/ /;ta}' "$1" | grep -v '^[[:space:]]*\(#\|$\)' |
    awk -v name="${2:-}" '
      /^FROM / { keep = (name == "" || $NF == name); buf = "" }
      keep { buf = buf $0 "\n" }
      END { printf "%s", buf }'
}

# dockerfile_arg FILE NAME: the default of a global ARG (before the first FROM).
dockerfile_arg() {
  awk -v name="$2" '/^FROM /{exit} $1 == "ARG" { split($2, kv, "="); if (kv[1] == name) print substr($2, length(name) + 2) }' "$1"
}

# pairs TEXT: NAME=value and NAME="value" pairs (ENV, LABEL), one NAME<TAB>value a line.
pairs() {
  local rest="$1"
  while [[ $rest =~ ^[[:space:]]*([A-Za-z0-9_.-]+)=(\"([^\"]*)\"|([^\"[:space:]]*))(.*)$ ]]; do
    printf '%s\t%s\n' "${BASH_REMATCH[1]}" "${BASH_REMATCH[3]}${BASH_REMATCH[4]}"
    rest="${BASH_REMATCH[5]}"
  done
  [[ -z ${rest//[[:space:]]/} ]] || { log "cannot read '$rest' in: $1"; return 1; }
}

# build_base ROOTFS: the stand-in for the distroless base: Debian's libc6 and the directories a
# container has (a world-writable sticky /tmp; /proc and /dev for the runtime to mount).
build_base() {
  local rootfs="$1" debs="$2"
  mkdir -p "$debs"
  (cd "$debs" && apt-get download -qq libc6 >/dev/null 2>&1) ||
    { apt-get update -qq && (cd "$debs" && apt-get download -qq libc6 >/dev/null); }
  dpkg-deb -x "$(ls "$debs"/libc6_*.deb | head -n 1)" "$rootfs"
  rm -rf "$rootfs/usr/share/doc" "$rootfs/usr/share/lintian"
  mkdir -p "$rootfs/proc" "$rootfs/dev" "$rootfs/etc" "$rootfs/tmp"
  chmod 1777 "$rootfs/tmp"
  BASE_DESCRIPTION="Debian libc6 $(dpkg-deb -f "$(ls "$debs"/libc6_*.deb | head -n 1)" Version)"
}

# build_jre OUT MODULES_FILE: the `jre` stage with the local JDK: jlink with the module list.
build_jre() {
  local out="$1" modules
  modules="$(sed 's/#.*//' "$2" | xargs | tr ' ' ',')"
  rm -rf "$out"
  jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --output "$out"
}

# apply_final_stage DOCKERFILE CONTEXT BUNDLE LAYOUT:TAG: applies the final stage's instructions to
# the bundle, one layer per run of COPYs and one per RUN, then writes the image configuration.
# STAGE_FILES (an associative array "stage:/path" -> local path) supplies COPY --from sources;
# BUILD_ARGS (an associative array) overrides ARG defaults.
apply_final_stage() {
  local dockerfile="$1" context="$2" bundle="$3" image="$4"
  local rootfs="$bundle/rootfs" user="0:0" workdir="/" pending=""
  local -a config=(--config.env=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)
  local -A args=()
  local env_file="$bundle/.build-env"
  echo "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" >"$env_file"
  local line instruction rest name value default port flag word
  while IFS= read -r line; do
    instruction="${line%% *}"
    rest="${line#* }"
    for name in "${!args[@]}"; do rest="${rest//\$\{$name\}/${args[$name]}}"; done
    case "$instruction" in
      FROM) ;;
      ARG)
        name="${rest%%=*}" default=""
        [[ $rest == *=* ]] && default="${rest#*=}"
        args[$name]="${BUILD_ARGS[$name]:-$default}" ;;
      COPY)
        apply_copy "$context" "$rootfs" $rest
        pending="$pending${pending:+; }$line" ;;
      ENV)
        while IFS=$'\t' read -r name value; do
          config+=("--config.env=$name=$value")
          echo "$name=$value" >>"$env_file"
        done < <(pairs "$rest") ;;
      RUN)
        if [ -n "$pending" ]; then repack "$image" "$bundle" "$pending"; pending=""; fi
        apply_run "$rootfs" "$workdir" "$user" "$env_file" "$rest"
        repack "$image" "$bundle" "$line" ;;
      USER) user="$rest"; [[ $user == *:* ]] || user="$user:$user"; config+=("--config.user=$rest") ;;
      WORKDIR) workdir="$rest"; mkdir -p "$rootfs$rest"; config+=("--config.workingdir=$rest") ;;
      EXPOSE) for port in $rest; do [[ $port == */* ]] || port="$port/tcp"; config+=("--config.exposedports=$port"); done ;;
      LABEL)
        while IFS=$'\t' read -r name value; do config+=("--config.label=$name=$value"); done < <(pairs "$rest") ;;
      ENTRYPOINT|CMD)
        flag="--config.$(tr '[:upper:]' '[:lower:]' <<<"$instruction")"
        while IFS= read -r word; do config+=("$flag=$word"); done < <(jq -r '.[]' <<<"$rest") ;;
      *) log "the Dockerfile's final stage has '$instruction', which this script cannot build"; return 1 ;;
    esac
  done < <(dockerfile_stage "$dockerfile")
  if [ -n "$pending" ]; then repack "$image" "$bundle" "$pending"; fi
  umoci config --image "$image" --os=linux --architecture="$(dpkg --print-architecture)" \
    --history.created_by="config from the Dockerfile" "${config[@]}"
}

# apply_copy CONTEXT ROOTFS [--from=STAGE] [--chown=U:G] SOURCE DEST: as Docker's COPY: a
# directory's contents, owner root (or --chown), modes and mtimes kept, cut to whole seconds as
# Docker's layers store them. umoci's layer would round a sub-second mtime instead, so a RUN that
# saw 09:00:15.9 would leave a file of 09:00:16 in the image: the AOT cache, which records the jar's
# mtime in the training RUN, would then be refused at every start.
apply_copy() {
  local context="$1" rootfs="$2" from="" chown="0:0"
  shift 2
  while [[ $1 == --* ]]; do
    case "$1" in
      --from=*) from="${1#--from=}" ;;
      --chown=*) chown="${1#--chown=}" ;;
      *) log "COPY $1 is not supported here"; return 1 ;;
    esac
    shift
  done
  local source="$context/$1" dest="$rootfs$2"
  if [ -n "$from" ]; then
    source="${STAGE_FILES[$from:$1]:-}"
    [ -n "$source" ] || { log "COPY --from=$from $1: this script does not build that"; return 1; }
  fi
  if [ -d "$source" ]; then
    mkdir -p "$dest"
    cp -a "$source/." "$dest/"
    chown -R "$chown" "$dest"
  else
    mkdir -p "$(dirname "$dest")"
    cp -a "$source" "$dest"
    chown "$chown" "$dest"
  fi
  whole_second_mtimes "$dest"
}

# whole_second_mtimes PATH: every file's mtime under PATH (and its own) without its sub-second part.
whole_second_mtimes() {
  find "$1" -printf '%T@ %p\0' | while IFS=' ' read -r -d '' mtime path; do
    touch -h -d "@${mtime%.*}" "$path"
  done
}

# apply_run ROOTFS WORKDIR USER ENV_FILE 'RUN [--mount=type=tmpfs,target=/tmp] ["exec", ...]': runs
# the command inside the root filesystem as the build would (tmpfs /tmp, loopback only).
apply_run() {
  local rootfs="$1" workdir="$2" user="$3" env_file="$4" rest="$5"
  if [[ $rest == --mount=type=tmpfs,target=/tmp\ * ]]; then rest="${rest#* }"; fi
  [[ $rest == \[* ]] || { log "RUN must be a JSON array with at most a tmpfs on /tmp: $rest"; return 1; }
  local -a command
  mapfile -t command < <(jq -r '.[]' <<<"$rest")
  (rootfs_exec "$(cd "$rootfs" && pwd)" "$workdir" "$user" "" "" "$env_file" "${command[@]}")
}

# repack LAYOUT:TAG BUNDLE WHAT: the bundle's changes as a new layer.
repack() {
  umoci repack --refresh-bundle --history.created_by="$3" --image "$1" "$2"
}
