#!/usr/bin/env bash
# Shows what a change does to the synthesized Terraform: synthesizes BASE (default: main) in a temporary
# git worktree and the working tree here, with the same config, then diffs the two cdktf.out folders.
#   npm run synth:diff [-- BASE]      PRIVATE_BATCH_CONFIG=config/x.json npm run synth:diff
set -euo pipefail
base=${1:-main}
root=$(git rev-parse --show-toplevel)
work=$(mktemp -d "${TMPDIR:-/tmp}/synth-diff.XXXXXX")
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$root" worktree add --detach --quiet "$work/base" "$base"
ln -s "$root/node_modules" "$work/base/node_modules"
app=$(node -p 'require("./cdktf.json").app' 2>/dev/null || true)
[ -n "$app" ] || app="node -r sucrase/register main.ts"
config=${PRIVATE_BATCH_CONFIG:-config/example.json}
(cd "$work/base" && PRIVATE_BATCH_CONFIG="$config" CDKTF_OUTDIR="$work/before" sh -c "$app")
(cd "$root" && PRIVATE_BATCH_CONFIG="$config" CDKTF_OUTDIR="$work/after" sh -c "$app")
if diff -ru --label "$base" --label "working tree" "$work/before" "$work/after"; then
  echo "synth-diff: no change to the synthesized Terraform against $base"
fi
