#!/usr/bin/env bash
# The CI steps, one function each, shared by .github/workflows/ci.yml and any other CI system.
#   bash scripts/ci.sh <install|check|validate|test|diff|all> [base-ref]
# base-ref (default: $KIT_BASE or origin/main) is what `nx affected` and `kit diff` compare with.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true
# validate compiles and lints the Bicep with the pinned CLI (tools/bicep/bicep-cli.csproj, restored by the
# install's postinstall when the .NET SDK is present); here a missing compiler fails instead of being skipped.
export KIT_REQUIRE_BICEP=1
BASE="${2:-${KIT_BASE:-origin/main}}"
PNPM=(npx -y pnpm@10)

# Clusters a change touches: those Nx finds affected (spec or kit code changed) plus those whose
# rendered files changed by hand (gitops/ belongs to no Nx project, so Nx cannot see those edits).
touched_clusters() {
  {
    "${PNPM[@]}" --silent nx show projects --affected --base="$BASE" --projects='tag:type:cluster'
    git diff --name-only "$BASE" -- gitops docs | sed -nE 's#^gitops/(clusters|azure)/([^/]+)/.*#\2#p; s#^gitops/\.kit/([^/]+)\.manifest\.json$#\1#p; s#^docs/([^/]+)/sla\.md$#\1#p'
  } | sort -u | while read -r c; do [ -f "apps/$c/project.json" ] && echo "$c"; done | paste -sd, -
}

step_install() { "${PNPM[@]}" install --frozen-lockfile && "${PNPM[@]}" kit bicep --version; }

# Committed gitops/ must be exactly what the spec renders; the published JSON Schemas current.
step_check() {
  local clusters; clusters="$(touched_clusters)"
  if [ -n "$clusters" ]; then "${PNPM[@]}" nx run-many -t check -p "$clusters" --outputStyle=static; else echo "check: no cluster touched"; fi
  "${PNPM[@]}" kit schemas --check
}

# Schemas, kustomize indexes and builds, the Bicep compiler and linter (build-params, lint, snapshot) and the
# policy gate, over the committed tree.
step_validate() {
  local clusters; clusters="$(touched_clusters)"
  if [ -n "$clusters" ]; then "${PNPM[@]}" nx run-many -t validate -p "$clusters" --outputStyle=static; else echo "validate: no cluster touched"; fi
}

# Tests of the packages the change touches.
step_test() { "${PNPM[@]}" nx affected -t test --base="$BASE" --outputStyle=static; }

# The desired-state diff as markdown for the PR comment (also written to kit-diff.md).
step_diff() { "${PNPM[@]}" kit diff --all --base "$BASE..." --output kit-diff.md; cat kit-diff.md; }

case "${1:-all}" in
  install) step_install ;;
  check) step_check ;;
  validate) step_validate ;;
  test) step_test ;;
  diff) step_diff ;;
  all) step_install; step_check; step_validate; step_test; step_diff ;;
  *) echo "usage: bash scripts/ci.sh <install|check|validate|test|diff|all> [base-ref]" >&2; exit 2 ;;
esac
