#!/bin/sh
# trailguard-hook: trailguard's git hook shim (prepare-commit-msg, commit-msg, post-commit, pre-push).
#
# It records which AI coding tools helped produce a commit as `Assisted-by:` trailers and applies
# the repository's local policy, by running `trailguard hook <name>` with node. The common commit
# (no AI agent in the environment, no agent-ledger entry pending, no tool signature in the
# message) is decided with shell builtins alone and never starts node.
#
# Installed copies are named after their hook; `trailguard uninstall` removes them and puts back
# any hook they chain to (`<hook>.pre-trailguard`). The package's wrappers (hooks/<name>) set
# tg_hook and tg_package, then source this file.
# A local hook never loses a commit: without node or the CLI it warns once and lets git go on;
# it fails the hook only when the policy says `local.on-violation: block`.

tg_hook=${tg_hook:-${0##*/}}

# The git dir and the common git dir, from builtins: git runs hooks at the top of the work tree,
# where `.git` is the git dir or (worktrees, submodules) a file naming it.
tg_find_git_dirs() {
  if [ -n "${GIT_DIR-}" ]; then
    tg_git_dir=$GIT_DIR
  elif [ -d .git ]; then
    tg_git_dir=.git
  elif [ -f .git ]; then
    IFS= read -r tg_line <.git || :
    tg_git_dir=${tg_line#gitdir: }
  else
    tg_git_dir=$(git rev-parse --git-dir 2>/dev/null) || return 1
  fi
  tg_common_dir=${GIT_COMMON_DIR:-$tg_git_dir}
  if [ -z "${GIT_COMMON_DIR-}" ] && [ -f "$tg_git_dir/commondir" ]; then
    IFS= read -r tg_line <"$tg_git_dir/commondir" || :
    case $tg_line in
      /*) tg_common_dir=$tg_line ;;
      *) tg_common_dir=$tg_git_dir/$tg_line ;;
    esac
  fi
}

# A hook that was there before trailguard runs first, as it did before.
tg_chained=$0.pre-trailguard
if [ -x "$tg_chained" ]; then
  if [ "$tg_hook" = pre-push ]; then
    tg_input=$(cat)
    { [ -z "$tg_input" ] || printf '%s\n' "$tg_input"; } | "$tg_chained" "$@" || exit $?
  else
    "$tg_chained" "$@" || exit $?
  fi
fi

# commit-msg has work only when git opened the editor (git sets GIT_EDITOR=: for the hooks of a
# commit that opens none, whose message prepare-commit-msg already saw).
[ "$tg_hook:${GIT_EDITOR-}" != commit-msg:: ] || exit 0

tg_find_git_dirs || exit 0
# >>> generated from the state table (src/state/paths.ts) by scripts/build.mjs; do not edit >>>
tg_ledger=$tg_common_dir/trailguard/ledger.jsonl
tg_hook_env=$tg_common_dir/trailguard/hook.env
tg_post_commit_log=$tg_common_dir/trailguard/post-commit.log
tg_editor_note=$tg_git_dir/trailguard/editor-trailers
tg_assisted_head=$tg_git_dir/trailguard/assisted-head
tg_policy_newer() { [ .github/trailguard.yml -nt "$tg_hook_env" ] || [ .trailguard.yml -nt "$tg_hook_env" ]; }
# <<< generated state paths <<<

# post-commit has work only when the agent ledger has entries or a note was left (the editor
# note: src/state/editor-note.ts): decided before the rest is read.
[ "$tg_hook" != post-commit ] || [ -s "$tg_ledger" ] || [ -e "$tg_editor_note" ] || exit 0

# hook.env (written by `trailguard install`) is read line by line, never sourced: a file cut
# short or overwritten must not stop a commit. A file that does not read whole (each of its three
# keys once, its last line ended) is not used at all, and the hook goes on with one warning.
# Values written by older versions were single-quoted.
tg_hook_env_state=missing
tg_read_hook_env() {
  [ -e "$tg_hook_env" ] || [ -L "$tg_hook_env" ] || return 0
  tg_hook_env_state=damaged
  [ -f "$tg_hook_env" ] && [ -r "$tg_hook_env" ] || return 1
  tg_rec_cli= tg_rec_node= tg_rec_extra= tg_line= tg_keys=
  while IFS= read -r tg_line; do
    case $tg_line in
      '#'*) continue ;;
      TG_CLI=*) tg_hook_env_value "${tg_line#TG_CLI=}" && tg_rec_cli=$tg_value ;;
      TG_NODE=*) tg_hook_env_value "${tg_line#TG_NODE=}" && tg_rec_node=$tg_value ;;
      TG_EXTRA_ENV=*) tg_hook_env_value "${tg_line#TG_EXTRA_ENV=}" && tg_rec_extra=$tg_value ;;
      *) false ;;
    esac || return 1
    tg_keys=$tg_keys.
  done <"$tg_hook_env"
  [ -z "$tg_line" ] && [ "$tg_keys" = ... ] || return 1
  tg_hook_env_state=ok
  TG_CLI=$tg_rec_cli
  TG_NODE=$tg_rec_node
  TG_EXTRA_ENV=$tg_rec_extra
}
tg_hook_env_value() {
  case $1 in
    \'*\')
      tg_value=${1#\'}
      tg_value=${tg_value%\'}
      case $tg_value in *\'*) return 1 ;; esac
      ;;
    \'*) return 1 ;;
    *) tg_value=$1 ;;
  esac
}
if ! tg_read_hook_env; then
  case $tg_hook in
    post-commit | doctor) ;;
    *) echo "trailguard: $tg_hook_env cannot be read (damaged?); the hook goes on without it (repair: trailguard install)" >&2 ;;
  esac
fi

# >>> generated from the tool catalog by scripts/build.mjs; do not edit >>>
tg_agent_env() {
  [ -n "${AGENT-}${AI_AGENT-}${AMP_CURRENT_THREAD_ID-}${ANTIGRAVITY_AGENT-}${AUGMENT_AGENT-}${AWS_EXECUTION_ENV-}${CLAUDECODE-}${CLAUDE_CODE_REMOTE-}${CLAUDE_CODE_SESSION_ID-}${CLINE_ACTIVE-}${CODEX_CI-}${CODEX_INTERNAL_ORIGINATOR_OVERRIDE-}${CODEX_SANDBOX-}${CODEX_SANDBOX_NETWORK_DISABLED-}${CODEX_THREAD_ID-}${CONTINUE_REMOTE-}${COPILOT_AGENT-}${COPILOT_AGENT_SESSION_ID-}${COPILOT_CLI-}${CURSOR_AGENT-}${CURSOR_EXTENSION_HOST_ROLE-}${GEMINI_CLI-}${OPENCODE-}${OPENCODE_PID-}${OPENCODE_SESSION_ID-}${ROO_ACTIVE-}${WINDSURF_CASCADE_TERMINAL-}" ]
}
tg_may_sign_line() {
  case $1 in
    *-[Aa][Ii]:*) return 0 ;;
    *-[Bb][Yy]:*) return 0 ;;
    *-[Ii][Dd]:*) return 0 ;;
    *@*) return 0 ;;
    *[Dd][Ee][Rr]:*) return 0 ;;
    *[Ee][Aa][Dd]:*) return 0 ;;
    *[Ee][Nn][Tt]:*) return 0 ;;
    *[Ff][Oo][Rr]:*) return 0 ;;
    *[Gg][Ee][Nn][Ee][Rr][Aa][Tt][Ee][Dd]\ [Ww][Ii][Tt][Hh]\ \[*) return 0 ;;
    *[Gg][Ee][Nn][Ee][Rr][Aa][Tt][Ee][Dd]\ [Ww][Ii][Tt][Hh]\ [Aa][Ss][Ss][Ii][Ss][Tt][Aa][Nn][Cc][Ee]\ [Oo][Ff]\ \[[Oo][Hh][Mm][Yy][Oo][Pp][Ee][Nn][Cc][Oo][Dd][Ee]\]*) return 0 ;;
    *[Gg][Ee][Nn][Ee][Rr][Aa][Tt][Ee][Dd]\ [Ww][Ii][Tt][Hh]\ [Cc][Oo][Dd][Ee][Bb][Uu][Ff][Ff]*) return 0 ;;
    *[Gg][Ee][Nn][Ee][Rr][Aa][Tt][Ee][Dd]\ [Ww][Ii][Tt][Hh]\ [Cc][Rr][Uu][Ss][Hh]*) return 0 ;;
    *[Gg][Ee][Nn][Ee][Rr][Aa][Tt][Ee][Dd]\ [Ww][Ii][Tt][Hh]\ [Tt][Ee][Rr][Mm][Aa][Ii]*) return 0 ;;
    *[Hh][Oo][Rr]:*) return 0 ;;
    *[Ii][Oo][Nn]:*) return 0 ;;
    *[Ii][Tt][Hh]:*) return 0 ;;
    *[Mm][Aa][Dd][Ee]\ [Ww][Ii][Tt][Hh]\ \[[Cc][Uu][Rr][Ss][Oo][Rr]\]*) return 0 ;;
    *[Tt][Ee][Dd]:*) return 0 ;;
    *[Uu][Rr][Ll]:*) return 0 ;;
  esac
  return 1
}
# <<< generated <<<

# Variables named by the policy's tools.extra, recorded by `trailguard install` in hook.env.
tg_extra_env() {
  for tg_name in ${TG_EXTRA_ENV-}; do
    case $tg_name in '' | [0-9]* | *[!A-Za-z0-9_]*) continue ;; esac
    eval "tg_value=\${$tg_name-}"
    [ -z "$tg_value" ] || return 0
  done
  return 1
}

# Whether message file $1 has a line (up to the scissors line, comments skipped, at most 1000
# lines read) for which test $2 holds. Sets tg_assisted when it has an Assisted-by trailer.
tg_scan_message() {
  tg_assisted=
  tg_found=1
  tg_count=0
  [ -r "$1" ] || return 1
  while [ "$tg_count" -lt 1000 ] && { IFS= read -r tg_line || [ -n "$tg_line" ]; }; do
    tg_count=$((tg_count + 1))
    case $tg_line in
      '# '*' >8 '*) break ;;
      '#'*) continue ;;
      [Aa][Ss][Ss][Ii][Ss][Tt][Ee][Dd]-[Bb][Yy]:*) tg_assisted=1 ;;
    esac
    "$2" "$tg_line" && tg_found=0
  done <"$1"
  return $tg_found
}

# Whether node has work whatever the message holds (the hook's arguments follow).
tg_busy() {
  case $tg_hook in
    prepare-commit-msg)
      tg_agent_env || tg_extra_env || [ -s "$tg_ledger" ] && return 0
      # A policy edited since hook.env was written may name agent variables TG_EXTRA_ENV lacks:
      # node reads it then, and brings hook.env up to date (once per policy change).
      [ "$tg_hook_env_state" = ok ] && tg_policy_newer
      ;;
    # After the editor: our trailers to weigh against what was written (the editor note).
    commit-msg) [ -e "$tg_editor_note" ] ;;
    *) return 0 ;;
  esac
}

# Whether the hook has nothing for node to do, reading the message with line test $1 (the hook's
# arguments follow).
tg_idle() {
  tg_test=$1
  shift
  ! tg_busy "$@" || return 1
  case $tg_hook in
    prepare-commit-msg)
      # pre-commit passes the message source in the environment instead.
      case ${2-${PRE_COMMIT_COMMIT_MSG_SOURCE-}} in
        # After a commit with our trailers, node sees whether this one amends it (-m, -F).
        message) [ ! -e "$tg_assisted_head" ] && ! tg_scan_message "$1" "$tg_test" ;;
        template | commit) ! tg_scan_message "$1" "$tg_test" ;;
        *) return 0 ;;
      esac
      ;;
    # Signatures typed or pasted in the editor.
    commit-msg) ! { tg_scan_message "$1" "$tg_test" && [ -z "$tg_assisted" ]; } ;;
  esac
}

# A note is for the commit whose prepare-commit-msg left it: one an aborted commit left goes.
[ "$tg_hook" != prepare-commit-msg ] || [ ! -e "$tg_editor_note" ] || rm -f "$tg_editor_note"
# Nothing for node to do: leave before the rest of this file is even read. The quick line test
# first (every signature holds one of a few texts), so the signatures at the end are read only for
# a message that may carry one.
! tg_idle tg_may_sign_line "$@" || exit 0

# Looks $1 up on PATH with builtins only (no subshell); sets tg_found.
tg_on_path() {
  tg_ifs=$IFS
  IFS=:
  for tg_dir in $PATH; do
    if [ -f "${tg_dir:-.}/$1" ] && [ -x "${tg_dir:-.}/$1" ]; then
      IFS=$tg_ifs
      tg_found=${tg_dir:-.}/$1
      return 0
    fi
  done
  IFS=$tg_ifs
  return 1
}

tg_find_node() {
  tg_node=${TRAILGUARD_NODE-}
  [ -n "$tg_node" ] && [ -x "$tg_node" ] && return 0
  if tg_on_path node; then
    tg_node=$tg_found
    return 0
  fi
  for tg_node in "${TG_NODE-}" \
    "${VOLTA_HOME:-$HOME/.volta}/bin/node" \
    "${FNM_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/fnm}/aliases/default/bin/node" \
    "$HOME/Library/Application Support/fnm/aliases/default/bin/node" "$HOME/.fnm/aliases/default/bin/node" \
    "${N_PREFIX:-/usr/local}/bin/node" /opt/homebrew/bin/node /usr/local/bin/node; do
    [ -n "$tg_node" ] && [ -x "$tg_node" ] && return 0
  done
  # Version managers that keep one directory per version: the last in glob order, usually the newest.
  tg_node=
  for tg_candidate in "${NVM_DIR:-$HOME/.nvm}"/versions/node/*/bin/node \
    "${ASDF_DATA_DIR:-$HOME/.asdf}"/installs/nodejs/*/bin/node \
    "${MISE_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/mise}"/installs/node/*/bin/node \
    "${FNM_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/fnm}"/node-versions/*/installation/bin/node; do
    [ -x "$tg_candidate" ] && tg_node=$tg_candidate
  done
  [ -n "$tg_node" ]
}

# The wrapper's own package first, then the CLI recorded at install time, then the repository's
# dependency, then one on PATH.
tg_find_cli() {
  for tg_cli in "${TRAILGUARD_CLI-}" "${tg_package:+$tg_package/dist/cli.js}" "${TG_CLI-}" \
    node_modules/trailguard/dist/cli.js; do
    [ -n "$tg_cli" ] && [ -f "$tg_cli" ] && return 0
  done
  tg_on_path trailguard && tg_cli=$tg_found
}

# Finds node and the CLI (sets tg_node, tg_cli, tg_entry) or warns once; false when either is missing
# (once hook.env was found damaged, its one warning has said what to run).
tg_ready() {
  if ! tg_find_node; then
    [ "$tg_hook_env_state" = damaged ] ||
      echo "trailguard: node not found, so this commit gets no Assisted-by trailer (set TRAILGUARD_NODE or run: trailguard doctor)" >&2
    return 1
  fi
  if ! tg_find_cli; then
    [ "$tg_hook_env_state" = damaged ] ||
      echo "trailguard: the trailguard CLI was not found (run: npx trailguard install)" >&2
    return 1
  fi
  # The CLI's lean entry for hooks (dist/hook.cjs) when it is there, else `trailguard hook`.
  tg_entry=${tg_cli%/*}/hook.cjs
  [ -f "$tg_entry" ] || tg_entry=
}

# Runs the hook in node: the lean entry, else the full CLI's `hook` verb.
tg_node_hook() {
  if [ -n "$tg_entry" ]; then set -- "$tg_entry" "$@"; else set -- "$tg_cli" hook "$@"; fi
  TRAILGUARD_GIT_DIR=$tg_git_dir TRAILGUARD_COMMON_DIR=$tg_common_dir "$tg_node" "$@"
}

# The hook's verdict from node's exit status: 1 refuses the commit or push (a policy block);
# anything else that went wrong only warns.
tg_verdict() {
  [ "$1" -eq 0 ] && return 0
  [ "$1" -eq 1 ] && return 1
  echo "trailguard: hook $tg_hook failed (exit $1); the commit goes on (details: TRAILGUARD_DEBUG=1)" >&2
  return 0
}

tg_run() {
  tg_ready || return 0
  tg_node_hook "$@"
  tg_verdict $?
}

# prepare-commit-msg with node: git lists the staged changes here, where starting it is cheap,
# while node starts (node reads them on stdin).
tg_prepare() {
  tg_ready || return 0
  if [ -n "$tg_entry" ]; then set -- "$tg_entry" "$tg_hook" "$@"; else set -- "$tg_cli" hook "$tg_hook" "$@"; fi
  git diff --cached --name-status -z -M --no-ext-diff --no-relative |
    TRAILGUARD_STAGED=stdin TRAILGUARD_GIT_PID=$PPID TRAILGUARD_GIT_DIR=$tg_git_dir TRAILGUARD_COMMON_DIR=$tg_common_dir \
      "$tg_node" "$@"
  tg_verdict $?
}

# Runs the hook's work and leaves.
tg_dispatch() {
  case $tg_hook in
    prepare-commit-msg) tg_prepare "$@" || exit 1 ;;
    commit-msg) tg_run "$tg_hook" "$@" || exit 1 ;;
    post-commit)
      if [ -e "$tg_editor_note" ]; then
        # Undoing a commit of nothing but our trailers has to happen before git reports the commit.
        tg_run post-commit || :
      elif tg_ready 2>/dev/null; then
        # Clearing the ledger must not hold up the commit: run it detached.
        (tg_node_hook post-commit --ledger-only </dev/null >"$tg_post_commit_log" 2>&1 &)
      fi
      ;;
    pre-push)
      if [ -n "${tg_input+set}" ]; then
        { [ -z "$tg_input" ] || printf '%s\n' "$tg_input"; } | tg_run "$tg_hook" "$@" || exit 1
      else
        tg_run "$tg_hook" "$@" || exit 1
      fi
      ;;
    doctor)
      # `trailguard doctor` runs this file so: what a hook finds, by this file's own search.
      tg_find_node || tg_node=
      printf 'node=%s\ncli=%s\nhook-env=%s\n' "$tg_node" "${TG_CLI-}" "$tg_hook_env_state"
      ;;
  esac
  exit 0
}

# Work that does not depend on the message (an agent at work, ledger entries, post-commit, …):
# node starts now, before the shell even reads the signatures below.
! tg_busy "$@" || tg_dispatch "$@"
# >>> generated from the tool catalog (signatures) by scripts/build.mjs; do not edit >>>
tg_signature_line() {
  case $1 in
    *-[Aa][Gg][Ee][Nn][Tt]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *-[Aa][Gg][Ee][Nn][Tt]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *-[Aa][Ii]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *-[Dd][Ee][Vv]-[Aa][Ii]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]-[Ll][Oo][Gg][Ss]-[Uu][Rr][Ll]:*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Aa][Ii][Dd][Ee][Rr].[Cc][Hh][Aa][Tt]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Aa][Ll][Ii][Bb][Aa][Bb][Aa][Cc][Ll][Oo][Uu][Dd].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Aa][Ll][Ll]-[Hh][Aa][Nn][Dd][Ss].[Dd][Ee][Vv]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Aa][Mm][Aa][Zz][Oo][Nn].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Aa][Mm][Pp][Cc][Oo][Dd][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Aa][Nn][Tt][Hh][Rr][Oo][Pp][Ii][Cc].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Aa][Uu][Gg][Mm][Ee][Nn][Tt][Cc][Oo][Dd][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Cc][Hh][Aa][Rr][Mm].[Ll][Aa][Nn][Dd]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Cc][Ll][Ii][Nn][Ee].[Bb][Oo][Tt]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Cc][Oo][Dd][Ee][Bb][Uu][Ff][Ff].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Cc][Oo][Dd][Ee][Ii][Uu][Mm].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Cc][Oo][Dd][Ee][Rr][Aa][Bb][Bb][Ii][Tt].[Aa][Ii]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Cc][Oo][Gg][Nn][Ii][Tt][Ii][Oo][Nn].[Aa][Ii]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Cc][Oo][Nn][Tt][Ii][Nn][Uu][Ee].[Dd][Ee][Vv]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Cc][Uu][Rr][Ss][Oo][Rr].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Cc][Uu][Rr][Ss][Oo][Rr].[Ss][Hh]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Dd][Ee][Vv][Ii][Nn].[Aa][Ii]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Ee][Ll][Ll][Ii][Pp][Ss][Ii][Ss].[Dd][Ee][Vv]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Ff][Aa][Cc][Tt][Oo][Rr][Yy].[Aa][Ii]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Gg][Oo][Oo][Gg][Ll][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Gg][Rr][Ee][Pp][Tt][Ii][Ll][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Hh][Aa][Pp][Pp][Yy].[Ee][Nn][Gg][Ii][Nn][Ee][Ee][Rr][Ii][Nn][Gg]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Jj][Ee][Tt][Bb][Rr][Aa][Ii][Nn][Ss].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Kk][Ii][Ll][Oo].[Aa][Ii]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Kk][Ii][Ll][Oo][Cc][Oo][Dd][Ee].[Aa][Ii]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Kk][Ii][Rr][Oo].[Dd][Ee][Vv]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Oo][Pp][Ee][Nn][Aa][Ii].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Oo][Pp][Ee][Nn][Cc][Oo][Dd][Ee].[Aa][Ii]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Pp][Ii].[Dd][Ee][Vv]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Rr][Ee][Pp][Ll][Ii][Tt].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Rr][Oo][Oo][Cc][Oo][Dd][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Ss][Aa][Gg][Ee][Oo][Xx].[Aa][Ii]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Ss][Ii][Ss][Yy][Pp][Hh][Uu][Ss][Ll][Aa][Bb][Ss].[Aa][Ii]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Ss][Ss][Tt].[Dd][Ee][Vv]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Tt][Ee][Rr][Rr][Aa][Gg][Oo][Nn][Ll][Aa][Bb][Ss].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Tt][Ii][Ll][Ee][Ww][Oo][Rr][Kk].[Tt][Ee][Cc][Hh]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Ww][Aa][Rr][Pp].[Dd][Ee][Vv]*) return 0 ;;
    *[Aa][Gg][Ee][Nn][Tt]@[Ww][Ii][Nn][Dd][Ss][Uu][Rr][Ff].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Ii]-[Aa][Ss][Ss][Ii][Ss][Tt][Ee][Dd]:*) return 0 ;;
    *[Aa][Ii]-[Uu][Ss][Ee][Dd]-[Ff][Oo][Rr]:*) return 0 ;;
    *[Aa][Ii][Dd][Ee][Rr]:*) return 0 ;;
    *[Aa][Ii][Dd][Ee][Rr]@[Aa][Ii][Dd][Ee][Rr].[Cc][Hh][Aa][Tt]*) return 0 ;;
    *[Aa][Mm][Aa][Zz][Oo][Nn]-[Qq]-[Dd][Ee][Vv][Ee][Ll][Oo][Pp][Ee][Rr]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Mm][Pp]-[Tt][Hh][Rr][Ee][Aa][Dd]-[Ii][Dd]:*) return 0 ;;
    *[Aa][Mm][Pp]-[Tt][Hh][Rr][Ee][Aa][Dd]:*) return 0 ;;
    *[Aa][Mm][Pp]@[Aa][Mm][Pp][Cc][Oo][Dd][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Uu][Gg][Mm][Ee][Nn][Tt]-[Aa][Pp][Pp]-[Ss][Tt][Aa][Gg][Ii][Nn][Gg]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Aa][Uu][Gg][Mm][Ee][Nn][Tt][Cc][Oo][Dd][Ee]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Bb][Oo][Tt]@[Aa][Ii][Dd][Ee][Rr].[Cc][Hh][Aa][Tt]*) return 0 ;;
    *[Bb][Oo][Tt]@[Aa][Ll][Ii][Bb][Aa][Bb][Aa][Cc][Ll][Oo][Uu][Dd].[Cc][Oo][Mm]*) return 0 ;;
    *[Bb][Oo][Tt]@[Aa][Ll][Ll]-[Hh][Aa][Nn][Dd][Ss].[Dd][Ee][Vv]*) return 0 ;;
    *[Bb][Oo][Tt]@[Aa][Mm][Aa][Zz][Oo][Nn].[Cc][Oo][Mm]*) return 0 ;;
    *[Bb][Oo][Tt]@[Aa][Mm][Pp][Cc][Oo][Dd][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Bb][Oo][Tt]@[Aa][Nn][Tt][Hh][Rr][Oo][Pp][Ii][Cc].[Cc][Oo][Mm]*) return 0 ;;
    *[Bb][Oo][Tt]@[Aa][Uu][Gg][Mm][Ee][Nn][Tt][Cc][Oo][Dd][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Bb][Oo][Tt]@[Cc][Hh][Aa][Rr][Mm].[Ll][Aa][Nn][Dd]*) return 0 ;;
    *[Bb][Oo][Tt]@[Cc][Ll][Ii][Nn][Ee].[Bb][Oo][Tt]*) return 0 ;;
    *[Bb][Oo][Tt]@[Cc][Oo][Dd][Ee][Bb][Uu][Ff][Ff].[Cc][Oo][Mm]*) return 0 ;;
    *[Bb][Oo][Tt]@[Cc][Oo][Dd][Ee][Ii][Uu][Mm].[Cc][Oo][Mm]*) return 0 ;;
    *[Bb][Oo][Tt]@[Cc][Oo][Dd][Ee][Rr][Aa][Bb][Bb][Ii][Tt].[Aa][Ii]*) return 0 ;;
    *[Bb][Oo][Tt]@[Cc][Oo][Gg][Nn][Ii][Tt][Ii][Oo][Nn].[Aa][Ii]*) return 0 ;;
    *[Bb][Oo][Tt]@[Cc][Oo][Nn][Tt][Ii][Nn][Uu][Ee].[Dd][Ee][Vv]*) return 0 ;;
    *[Bb][Oo][Tt]@[Cc][Uu][Rr][Ss][Oo][Rr].[Cc][Oo][Mm]*) return 0 ;;
    *[Bb][Oo][Tt]@[Cc][Uu][Rr][Ss][Oo][Rr].[Ss][Hh]*) return 0 ;;
    *[Bb][Oo][Tt]@[Dd][Ee][Vv][Ii][Nn].[Aa][Ii]*) return 0 ;;
    *[Bb][Oo][Tt]@[Ee][Ll][Ll][Ii][Pp][Ss][Ii][Ss].[Dd][Ee][Vv]*) return 0 ;;
    *[Bb][Oo][Tt]@[Ff][Aa][Cc][Tt][Oo][Rr][Yy].[Aa][Ii]*) return 0 ;;
    *[Bb][Oo][Tt]@[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Bb][Oo][Tt]@[Gg][Oo][Oo][Gg][Ll][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Bb][Oo][Tt]@[Gg][Rr][Ee][Pp][Tt][Ii][Ll][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Bb][Oo][Tt]@[Hh][Aa][Pp][Pp][Yy].[Ee][Nn][Gg][Ii][Nn][Ee][Ee][Rr][Ii][Nn][Gg]*) return 0 ;;
    *[Bb][Oo][Tt]@[Jj][Ee][Tt][Bb][Rr][Aa][Ii][Nn][Ss].[Cc][Oo][Mm]*) return 0 ;;
    *[Bb][Oo][Tt]@[Kk][Ii][Ll][Oo].[Aa][Ii]*) return 0 ;;
    *[Bb][Oo][Tt]@[Kk][Ii][Ll][Oo][Cc][Oo][Dd][Ee].[Aa][Ii]*) return 0 ;;
    *[Bb][Oo][Tt]@[Kk][Ii][Rr][Oo].[Dd][Ee][Vv]*) return 0 ;;
    *[Bb][Oo][Tt]@[Oo][Pp][Ee][Nn][Aa][Ii].[Cc][Oo][Mm]*) return 0 ;;
    *[Bb][Oo][Tt]@[Oo][Pp][Ee][Nn][Cc][Oo][Dd][Ee].[Aa][Ii]*) return 0 ;;
    *[Bb][Oo][Tt]@[Pp][Ii].[Dd][Ee][Vv]*) return 0 ;;
    *[Bb][Oo][Tt]@[Rr][Ee][Pp][Ll][Ii][Tt].[Cc][Oo][Mm]*) return 0 ;;
    *[Bb][Oo][Tt]@[Rr][Oo][Oo][Cc][Oo][Dd][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Bb][Oo][Tt]@[Ss][Aa][Gg][Ee][Oo][Xx].[Aa][Ii]*) return 0 ;;
    *[Bb][Oo][Tt]@[Ss][Ii][Ss][Yy][Pp][Hh][Uu][Ss][Ll][Aa][Bb][Ss].[Aa][Ii]*) return 0 ;;
    *[Bb][Oo][Tt]@[Ss][Ss][Tt].[Dd][Ee][Vv]*) return 0 ;;
    *[Bb][Oo][Tt]@[Tt][Ee][Rr][Rr][Aa][Gg][Oo][Nn][Ll][Aa][Bb][Ss].[Cc][Oo][Mm]*) return 0 ;;
    *[Bb][Oo][Tt]@[Tt][Ii][Ll][Ee][Ww][Oo][Rr][Kk].[Tt][Ee][Cc][Hh]*) return 0 ;;
    *[Bb][Oo][Tt]@[Ww][Aa][Rr][Pp].[Dd][Ee][Vv]*) return 0 ;;
    *[Bb][Oo][Tt]@[Ww][Ii][Nn][Dd][Ss][Uu][Rr][Ff].[Cc][Oo][Mm]*) return 0 ;;
    *[Cc][Hh][Aa][Tt][Gg][Pp][Tt]-[Cc][Oo][Dd][Ee][Xx]-[Cc][Oo][Nn][Nn][Ee][Cc][Tt][Oo][Rr]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Cc][Ll][Aa][Uu][Dd][Ee]-[Cc][Oo][Dd][Ee]-[Aa][Cc][Tt][Ii][Oo][Nn]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Cc][Ll][Aa][Uu][Dd][Ee]-[Ss][Ee][Ss][Ss][Ii][Oo][Nn]:*) return 0 ;;
    *[Cc][Ll][Aa][Uu][Dd][Ee]@[Aa][Nn][Tt][Hh][Rr][Oo][Pp][Ii][Cc].[Cc][Oo][Mm]*) return 0 ;;
    *[Cc][Ll][Aa][Uu][Dd][Ee]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Cc][Ll][Ii][Nn][Ee]-[Cc][Ll][Oo][Uu][Dd]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Cc][Ll][Ii][Nn][Ee]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Cc][Oo]-[Aa][Uu][Tt][Hh][Oo][Rr][Ee][Dd]-[Bb][Yy]-[Aa][Ii]:*) return 0 ;;
    *[Cc][Oo][Dd][Ee][Rr][Aa][Bb][Bb][Ii][Tt][Aa][Ii]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Cc][Oo][Dd][Ee][Xx]@[Oo][Pp][Ee][Nn][Aa][Ii].[Cc][Oo][Mm]*) return 0 ;;
    *[Cc][Oo][Nn][Tt][Aa][Cc][Tt]@[Tt][Ii][Ll][Ee][Ww][Oo][Rr][Kk].[Tt][Ee][Cc][Hh]*) return 0 ;;
    *[Cc][Oo][Nn][Tt][Ii][Nn][Uu][Ee]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Cc][Oo][Pp][Ii][Ll][Oo][Tt]-[Ss][Ee][Ss][Ss][Ii][Oo][Nn]:*) return 0 ;;
    *[Cc][Oo][Pp][Ii][Ll][Oo][Tt]@[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Cc][Oo][Pp][Ii][Ll][Oo][Tt]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Cc][Oo][Pp][Ii][Ll][Oo][Tt]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Cc][Rr][Uu][Ss][Hh]@[Cc][Hh][Aa][Rr][Mm].[Ll][Aa][Nn][Dd]*) return 0 ;;
    *[Cc][Uu][Rr][Ss][Oo][Rr]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Dd][Ee][Vv][Ii][Nn]-[Aa][Ii]-[Ii][Nn][Tt][Ee][Gg][Rr][Aa][Tt][Ii][Oo][Nn]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Ee][Ll][Ll][Ii][Pp][Ss][Ii][Ss]-[Dd][Ee][Vv]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Ee][Nn][Tt][Ii][Rr][Ee]-[Aa][Gg][Ee][Nn][Tt]:*) return 0 ;;
    *[Ff][Aa][Cc][Tt][Oo][Rr][Yy]-[Dd][Rr][Oo][Ii][Dd]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Gg][Ee][Mm][Ii][Nn][Ii]-[Cc][Ll][Ii]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Gg][Ee][Mm][Ii][Nn][Ii]-[Cc][Ll][Ii]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Gg][Ee][Mm][Ii][Nn][Ii]-[Cc][Oo][Dd][Ee]-[Aa][Ss][Ss][Ii][Ss][Tt]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Gg][Ee][Nn][Ee][Rr][Aa][Tt][Ee][Dd]\ [Ww][Ii][Tt][Hh]\ \[*) return 0 ;;
    *[Gg][Ee][Nn][Ee][Rr][Aa][Tt][Ee][Dd]\ [Ww][Ii][Tt][Hh]\ [Aa][Ss][Ss][Ii][Ss][Tt][Aa][Nn][Cc][Ee]\ [Oo][Ff]\ \[[Oo][Hh][Mm][Yy][Oo][Pp][Ee][Nn][Cc][Oo][Dd][Ee]\]*) return 0 ;;
    *[Gg][Ee][Nn][Ee][Rr][Aa][Tt][Ee][Dd]\ [Ww][Ii][Tt][Hh]\ [Cc][Oo][Dd][Ee][Bb][Uu][Ff][Ff]*) return 0 ;;
    *[Gg][Ee][Nn][Ee][Rr][Aa][Tt][Ee][Dd]\ [Ww][Ii][Tt][Hh]\ [Cc][Rr][Uu][Ss][Hh]*) return 0 ;;
    *[Gg][Ee][Nn][Ee][Rr][Aa][Tt][Ee][Dd]\ [Ww][Ii][Tt][Hh]\ [Tt][Ee][Rr][Mm][Aa][Ii]*) return 0 ;;
    *[Gg][Ee][Nn][Ee][Rr][Aa][Tt][Ee][Dd]-[Bb][Yy]:*) return 0 ;;
    *[Gg][Oo][Oo][Gg][Ll][Ee]-[Ll][Aa][Bb][Ss]-[Jj][Uu][Ll][Ee][Ss]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Gg][Rr][Ee][Pp][Tt][Ii][Ll][Ee]-[Aa][Pp][Pp][Ss]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Jj][Ee][Tt][Bb][Rr][Aa][Ii][Nn][Ss]-[Jj][Uu][Nn][Ii][Ee]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Kk][Ii][Ll][Oo][Cc][Oo][Nn][Nn][Ee][Cc][Tt]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Kk][Ii][Rr][Oo]-[Ss][Ee][Ss][Ss][Ii][Oo][Nn]-[Ii][Dd]:*) return 0 ;;
    *[Mm][Aa][Dd][Ee]\ [Ww][Ii][Tt][Hh]\ \[[Cc][Uu][Rr][Ss][Oo][Rr]\]*) return 0 ;;
    *[Mm][Aa][Dd][Ee]-[Ww][Ii][Tt][Hh]:*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Aa][Ii][Dd][Ee][Rr].[Cc][Hh][Aa][Tt]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Aa][Ll][Ii][Bb][Aa][Bb][Aa][Cc][Ll][Oo][Uu][Dd].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Aa][Ll][Ll]-[Hh][Aa][Nn][Dd][Ss].[Dd][Ee][Vv]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Aa][Mm][Aa][Zz][Oo][Nn].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Aa][Mm][Pp][Cc][Oo][Dd][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Aa][Nn][Tt][Hh][Rr][Oo][Pp][Ii][Cc].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Aa][Uu][Gg][Mm][Ee][Nn][Tt][Cc][Oo][Dd][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Cc][Hh][Aa][Rr][Mm].[Ll][Aa][Nn][Dd]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Cc][Ll][Ii][Nn][Ee].[Bb][Oo][Tt]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Cc][Oo][Dd][Ee][Bb][Uu][Ff][Ff].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Cc][Oo][Dd][Ee][Ii][Uu][Mm].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Cc][Oo][Dd][Ee][Rr][Aa][Bb][Bb][Ii][Tt].[Aa][Ii]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Cc][Oo][Gg][Nn][Ii][Tt][Ii][Oo][Nn].[Aa][Ii]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Cc][Oo][Nn][Tt][Ii][Nn][Uu][Ee].[Dd][Ee][Vv]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Cc][Uu][Rr][Ss][Oo][Rr].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Cc][Uu][Rr][Ss][Oo][Rr].[Ss][Hh]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Dd][Ee][Vv][Ii][Nn].[Aa][Ii]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Ee][Ll][Ll][Ii][Pp][Ss][Ii][Ss].[Dd][Ee][Vv]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Ff][Aa][Cc][Tt][Oo][Rr][Yy].[Aa][Ii]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Gg][Oo][Oo][Gg][Ll][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Gg][Rr][Ee][Pp][Tt][Ii][Ll][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Hh][Aa][Pp][Pp][Yy].[Ee][Nn][Gg][Ii][Nn][Ee][Ee][Rr][Ii][Nn][Gg]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Jj][Ee][Tt][Bb][Rr][Aa][Ii][Nn][Ss].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Kk][Ii][Ll][Oo].[Aa][Ii]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Kk][Ii][Ll][Oo][Cc][Oo][Dd][Ee].[Aa][Ii]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Kk][Ii][Rr][Oo].[Dd][Ee][Vv]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Oo][Pp][Ee][Nn][Aa][Ii].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Oo][Pp][Ee][Nn][Cc][Oo][Dd][Ee].[Aa][Ii]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Pp][Ii].[Dd][Ee][Vv]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Rr][Ee][Pp][Ll][Ii][Tt].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Rr][Oo][Oo][Cc][Oo][Dd][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Ss][Aa][Gg][Ee][Oo][Xx].[Aa][Ii]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Ss][Ii][Ss][Yy][Pp][Hh][Uu][Ss][Ll][Aa][Bb][Ss].[Aa][Ii]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Ss][Ss][Tt].[Dd][Ee][Vv]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Tt][Ee][Rr][Rr][Aa][Gg][Oo][Nn][Ll][Aa][Bb][Ss].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Tt][Ii][Ll][Ee][Ww][Oo][Rr][Kk].[Tt][Ee][Cc][Hh]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Ww][Aa][Rr][Pp].[Dd][Ee][Vv]*) return 0 ;;
    *[Nn][Oo]-[Rr][Ee][Pp][Ll][Yy]@[Ww][Ii][Nn][Dd][Ss][Uu][Rr][Ff].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Aa][Ii][Dd][Ee][Rr].[Cc][Hh][Aa][Tt]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Aa][Ii][Dd][Ee][Rr].[Dd][Ee][Vv]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Aa][Ll][Ii][Bb][Aa][Bb][Aa][Cc][Ll][Oo][Uu][Dd].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Aa][Ll][Ll]-[Hh][Aa][Nn][Dd][Ss].[Dd][Ee][Vv]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Aa][Mm][Aa][Zz][Oo][Nn].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Aa][Mm][Pp][Cc][Oo][Dd][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Aa][Nn][Tt][Hh][Rr][Oo][Pp][Ii][Cc].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Aa][Uu][Gg][Mm][Ee][Nn][Tt][Cc][Oo][Dd][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Cc][Hh][Aa][Rr][Mm].[Ll][Aa][Nn][Dd]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Cc][Ll][Ii][Nn][Ee].[Bb][Oo][Tt]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Cc][Oo][Dd][Ee][Bb][Uu][Ff][Ff].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Cc][Oo][Dd][Ee][Ii][Uu][Mm].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Cc][Oo][Dd][Ee][Rr][Aa][Bb][Bb][Ii][Tt].[Aa][Ii]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Cc][Oo][Gg][Nn][Ii][Tt][Ii][Oo][Nn].[Aa][Ii]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Cc][Oo][Nn][Tt][Ii][Nn][Uu][Ee].[Dd][Ee][Vv]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Cc][Uu][Rr][Ss][Oo][Rr].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Cc][Uu][Rr][Ss][Oo][Rr].[Ss][Hh]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Dd][Ee][Vv][Ii][Nn].[Aa][Ii]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Ee][Ll][Ll][Ii][Pp][Ss][Ii][Ss].[Dd][Ee][Vv]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Ff][Aa][Cc][Tt][Oo][Rr][Yy].[Aa][Ii]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Gg][Oo][Oo][Gg][Ll][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Gg][Rr][Ee][Pp][Tt][Ii][Ll][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Hh][Aa][Pp][Pp][Yy].[Ee][Nn][Gg][Ii][Nn][Ee][Ee][Rr][Ii][Nn][Gg]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Jj][Ee][Tt][Bb][Rr][Aa][Ii][Nn][Ss].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Kk][Ii][Ll][Oo].[Aa][Ii]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Kk][Ii][Ll][Oo][Cc][Oo][Dd][Ee].[Aa][Ii]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Kk][Ii][Rr][Oo].[Dd][Ee][Vv]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Oo][Pp][Ee][Nn][Aa][Ii].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Oo][Pp][Ee][Nn][Cc][Oo][Dd][Ee].[Aa][Ii]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Pp][Ii].[Dd][Ee][Vv]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Rr][Ee][Pp][Ll][Ii][Tt].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Rr][Oo][Oo][Cc][Oo][Dd][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Ss][Aa][Gg][Ee][Oo][Xx].[Aa][Ii]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Ss][Ii][Ss][Yy][Pp][Hh][Uu][Ss][Ll][Aa][Bb][Ss].[Aa][Ii]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Ss][Ss][Tt].[Dd][Ee][Vv]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Tt][Ee][Rr][Rr][Aa][Gg][Oo][Nn][Ll][Aa][Bb][Ss].[Cc][Oo][Mm]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Tt][Ii][Ll][Ee][Ww][Oo][Rr][Kk].[Tt][Ee][Cc][Hh]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Ww][Aa][Rr][Pp].[Dd][Ee][Vv]*) return 0 ;;
    *[Nn][Oo][Rr][Ee][Pp][Ll][Yy]@[Ww][Ii][Nn][Dd][Ss][Uu][Rr][Ff].[Cc][Oo][Mm]*) return 0 ;;
    *[Oo][Pp][Ee][Nn][Aa][Ii]-[Cc][Oo][Dd][Ee][Xx]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Oo][Pp][Ee][Nn][Hh][Aa][Nn][Dd][Ss]@[Aa][Ll][Ll]-[Hh][Aa][Nn][Dd][Ss].[Dd][Ee][Vv]*) return 0 ;;
    *[Oo][Pp][Ee][Nn][Ss][Oo][Uu][Rr][Cc][Ee]@[Bb][Ll][Oo][Cc][Kk].[Xx][Yy][Zz]*) return 0 ;;
    *[Oo][Xx]@[Ss][Aa][Gg][Ee][Oo][Xx].[Aa][Ii]*) return 0 ;;
    *[Qq][Ww][Ee][Nn]-[Cc][Oo][Dd][Ee][Rr]@[Aa][Ll][Ii][Bb][Aa][Bb][Aa][Cc][Ll][Oo][Uu][Dd].[Cc][Oo][Mm]*) return 0 ;;
    *[Rr][Ee][Pp][Ll][Ii][Tt]-[Cc][Oo][Mm][Mm][Ii][Tt]-[Aa][Uu][Tt][Hh][Oo][Rr]:*) return 0 ;;
    *[Rr][Oo][Oo][Mm][Oo][Tt][Ee]-[Vv]0\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Rr][Oo][Oo][Mm][Oo][Tt][Ee]@[Rr][Oo][Oo][Cc][Oo][Dd][Ee].[Cc][Oo][Mm]*) return 0 ;;
    *[Rr][Oo][Oo][Mm][Oo][Tt][Ee]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Ss][Aa][Gg][Ee][Oo][Xx]-[Ss][Ee][Ss][Ss][Ii][Oo][Nn]:*) return 0 ;;
    *[Ss][Oo][Uu][Rr][Cc][Ee][Gg][Rr][Aa][Pp][Hh]-[Cc][Oo][Dd][Yy]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Ss][Yy][Nn][Tt][Hh][Ee][Ss][Ii][Zz][Ee][Dd]-[Bb][Yy]:*) return 0 ;;
    *[Tt][Ee][Rr][Rr][Aa][Gg][Oo][Nn]-[Ll][Aa][Bb][Ss]\[[Bb][Oo][Tt]\]@[Uu][Ss][Ee][Rr][Ss].[Nn][Oo][Rr][Ee][Pp][Ll][Yy].[Gg][Ii][Tt][Hh][Uu][Bb].[Cc][Oo][Mm]*) return 0 ;;
    *[Ww][Ii][Nn][Dd][Ss][Uu][Rr][Ff]@[Cc][Oo][Dd][Ee][Ii][Uu][Mm].[Cc][Oo][Mm]*) return 0 ;;
    *[Yy][Ee][Ss][Rr][Ee][Pp][Ll][Yy]@[Hh][Aa][Pp][Pp][Yy].[Ee][Nn][Gg][Ii][Nn][Ee][Ee][Rr][Ii][Nn][Gg]*) return 0 ;;
  esac
  return 1
}
# <<< generated <<<
! tg_idle tg_signature_line "$@" || exit 0
tg_dispatch "$@"
