#!/usr/bin/env bash
# The CI steps, one function each, shared by .github/workflows/ci.yml and any other CI system.
#   bash scripts/ci.sh <install|render-back|check|validate|test|changeset|diff|what-if|all> [base-ref]
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

# Committed gitops/ must be exactly what the spec renders; the published JSON Schemas, .github/CODEOWNERS and the API
# reports (api/*.api.md, decision 0014) current.
step_check() {
  local clusters; clusters="$(touched_clusters)"
  if [ -n "$clusters" ]; then "${PNPM[@]}" nx run-many -t check -p "$clusters" --outputStyle=static; else echo "check: no cluster touched"; fi
  "${PNPM[@]}" kit schemas --check
  "${PNPM[@]}" kit codeowners --check
  "${PNPM[@]}" api:check
}

# Schemas, kustomize indexes and builds, the Bicep compiler and linter (build-params, lint, snapshot) and the
# policy gate, over the committed tree.
step_validate() {
  local clusters; clusters="$(touched_clusters)"
  if [ -n "$clusters" ]; then "${PNPM[@]}" nx run-many -t validate -p "$clusters" --outputStyle=static; else echo "validate: no cluster touched"; fi
}

# Types of the whole repository and the linter (cheap, so not narrowed to what changed), then the tests of the
# packages the change touches.
step_test() {
  "${PNPM[@]}" typecheck
  "${PNPM[@]}" lint
  "${PNPM[@]}" nx affected -t test --base="$BASE" --outputStyle=static
}

# A change to a published package needs a changeset (.changeset/*.md, `pnpm changeset`), or the release would not
# say what changed. Private packages and tests do not count (.changeset/config.json: privatePackages, changedFilePatterns).
# The release pull request of changesets/action (branch changeset-release/main, KIT_HEAD_BRANCH) is exempt: it consumes
# the changesets and bumps the versions, which is exactly what `status` refuses (as in nicknisi/pi-extensions#5,
# caravan-bitcoin/caravan#520). CHANGESET_COMMAND replaces the changesets CLI (tests).
step_changeset() {
  if [ "${KIT_HEAD_BRANCH:-}" = changeset-release/main ]; then echo "changeset: the release pull request consumes the changesets; not checked"; return 0; fi
  if [ -n "${CHANGESET_COMMAND:-}" ]; then $CHANGESET_COMMAND status --since="$BASE"; else "${PNPM[@]}" changeset status --since="$BASE"; fi
}

# The desired-state diff as markdown for the PR comment (also written to kit-diff.md). `kit diff` exits 1 on
# a policy finding about the change (KIT-OFFBOARD-001): the comment is still printed, then the exit code kept,
# so the reviewer sees the finding and the gate stays red.
step_diff() {
  local status=0
  "${PNPM[@]}" kit diff --all --base "$BASE..." --output kit-diff.md || status=$?
  if [ -f kit-diff.md ]; then cat kit-diff.md; fi
  return "$status"
}

# Spec-only pull requests (a team edits apps/<cluster>/teams/<team>.yaml in the web editor): render, and when
# the generated files changed, either commit them back to the branch (KIT_RENDER_BACK_PUSH=1, branch in
# KIT_RENDER_BACK_BRANCH) or write the patch to kit-render.patch and fail with what to run.
# KIT_RENDER_COMMAND replaces the render (other toolchains, tests).
RENDER_BACK_MESSAGE='kit: render the generated files from the spec [render-back]'
RENDERED_PATHS=(gitops docs .github/CODEOWNERS)
step_render_back() {
  if [ -n "${KIT_RENDER_COMMAND:-}" ]; then bash -c "$KIT_RENDER_COMMAND"; else "${PNPM[@]}" render && "${PNPM[@]}" kit codeowners; fi
  if [ -z "$(git status --porcelain -- "${RENDERED_PATHS[@]}")" ]; then echo "render-back: the committed files are what the spec renders"; return 0; fi
  local path; for path in "${RENDERED_PATHS[@]}"; do
    # git add fails on a pathspec that matches nothing (no CODEOWNERS yet): add only what exists or was tracked.
    if [ -e "$path" ] || [ -n "$(git ls-files -- "$path")" ]; then git add -A -- "$path"; fi
  done
  # Loop guard: a push with GITHUB_TOKEN starts no new run, but with an app token it would. A render of our own
  # render-back commit that still changes files is a bug (a non-deterministic render), never a second commit.
  if [ "$(git log -1 --format=%s)" = "$RENDER_BACK_MESSAGE" ]; then
    echo "render-back: the last commit is already a render-back and the render still changes files; refusing to loop" >&2
    return 1
  fi
  if [ "${KIT_RENDER_BACK_PUSH:-0}" = 1 ]; then
    : "${KIT_RENDER_BACK_BRANCH:?render-back: KIT_RENDER_BACK_BRANCH names the branch to push to}"
    local bot='github-actions[bot]' email='41898282+github-actions[bot]@users.noreply.github.com'
    GIT_AUTHOR_NAME="$bot" GIT_AUTHOR_EMAIL="$email" GIT_COMMITTER_NAME="$bot" GIT_COMMITTER_EMAIL="$email" \
      git commit --quiet -m "$RENDER_BACK_MESSAGE"
    git push --quiet origin "HEAD:refs/heads/$KIT_RENDER_BACK_BRANCH"
    echo "render-back: committed the rendered files as $(git rev-parse --short HEAD) and pushed them to $KIT_RENDER_BACK_BRANCH"
    return 0
  fi
  git diff --cached --binary -- "${RENDERED_PATHS[@]}" > kit-render.patch
  {
    echo "### The generated files are not what the spec renders"
    echo
    echo "This workflow cannot push to this branch (a pull request from a fork). Render and commit them yourself:"
    echo
    echo '```sh'
    echo 'pnpm install && pnpm render && pnpm kit codeowners'
    echo 'git add gitops docs .github/CODEOWNERS && git commit -m "render" && git push'
    echo '```'
    echo
    echo "Or apply the patch of this run (artifact \`kit-render.patch\`): \`git apply kit-render.patch\`."
    echo
    echo "Files:"
    git diff --cached --name-only -- "${RENDERED_PATHS[@]}" | sed 's/^/- `/; s/$/`/'
  } > kit-render.md
  cat kit-render.md >&2
  return 1
}

# Azure what-if of each touched cluster's landing zone, as markdown in kit-what-if.md (KIT_WHAT_IF_OUTPUT) for
# the PR comment. Needs an `az` logged in (the workflow's azure/login sets KIT_AZURE_LOGIN=1); without it the
# step says so and skips. KIT_CLUSTERS replaces the touched-cluster detection.
# The main.bicepparam names its template (`using '../landing-zone/main.bicep'`), so --template-file is left out:
# https://learn.microsoft.com/en-us/azure/azure-resource-manager/bicep/parameter-files#deploy-bicep-file-with-parameters-file
# https://learn.microsoft.com/en-us/cli/azure/deployment/group#az-deployment-group-what-if
# What-if otherwise needs the deploy's write permissions; --validation-level ProviderNoRbac (Azure CLI 2.76+) skips the
# check that the caller may write each resource, so the pull-request identity stays read-only:
# https://learn.microsoft.com/en-us/azure/azure-resource-manager/bicep/deploy-what-if#required-permissions
step_what_if() {
  local out="${KIT_WHAT_IF_OUTPUT:-kit-what-if.md}" clusters status=0
  if [ "${KIT_AZURE_LOGIN:-0}" != 1 ]; then
    printf '%s\n' "#### Azure what-if: skipped" "" \
      "No Azure credentials in this run (repository variables AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_SUBSCRIPTION_ID unset, or a pull request from a fork), so the landing zone was not compared with Azure. See docs/live-checks.md#azure-what-if-in-ci." \
      | tee "$out"
    return 0
  fi
  clusters="${KIT_CLUSTERS-$(touched_clusters)}"
  echo "#### Azure what-if" > "$out"
  if [ -z "$clusters" ]; then echo "what-if: no cluster touched" | tee -a "$out"; return 0; fi
  for cluster in ${clusters//,/ }; do
    local rg sub result failed=''
    rg="$(spec_azure_field "$cluster" resourceGroup)"
    sub="$(spec_azure_field "$cluster" subscriptionId)"
    if [ -z "$rg" ] || [ -z "$sub" ]; then
      echo "what-if: apps/$cluster/platform.yaml: spec.azure.resourceGroup or spec.azure.subscriptionId not found; write them in block style" >&2
      status=1; continue
    fi
    echo "what-if: $cluster (subscription $sub, resource group $rg)"
    # A group what-if needs the resource group; a new cluster's group is created by its first deployment.
    if [ "$(az group exists --subscription "$sub" --name "$rg" 2>/dev/null)" != true ]; then
      printf '\n- `%s`: resource group `%s` does not exist yet, so there is nothing to compare: the first deployment creates everything.\n' "$cluster" "$rg" >> "$out"
      continue
    fi
    result="$(az deployment group what-if --subscription "$sub" --resource-group "$rg" --name "kit-what-if-$cluster" \
      --parameters "gitops/azure/$cluster/main.bicepparam" --validation-level ProviderNoRbac --only-show-errors 2>&1)" || { failed=': **what-if failed**'; status=1; }
    printf '\n<details><summary><code>%s</code> (resource group <code>%s</code>)%s</summary>\n\n```\n%s\n```\n\n</details>\n' \
      "$cluster" "$rg" "$failed" "$result" >> "$out"
  done
  cat "$out"
  return "$status"
}

# spec.azure.<field> of a cluster's platform.yaml (block style, as the kit's generators write it).
spec_azure_field() {
  awk -v key="$2:" '/^  azure:/ { inside = 1; next } inside && /^  [^ ]/ { inside = 0 } inside && /^    [^ ]/ && $1 == key { print $2; exit }' "apps/$1/platform.yaml" | tr -d "\"'"
}

case "${1:-all}" in
  install) step_install ;;
  check) step_check ;;
  validate) step_validate ;;
  render-back) step_render_back ;;
  test) step_test ;;
  changeset) step_changeset ;;
  diff) step_diff ;;
  what-if) step_what_if ;;
  all) step_install; step_check; step_validate; step_test; step_changeset; step_diff; step_what_if ;;
  *) echo "usage: bash scripts/ci.sh <install|render-back|check|validate|test|changeset|diff|what-if|all> [base-ref]" >&2; exit 2 ;;
esac
