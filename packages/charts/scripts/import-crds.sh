#!/usr/bin/env bash
# Regenerates the typed CRD classes in src/imports/ from the CRD files vendored in
# packages/validate/schemas/crds/ (pinned versions and licences: src/imports/README.md).
# Runs offline: `cdk8s import` reads local files only; the upgrade check and cdk8s.yaml are off.
# Usage: pnpm --filter @aks-hybrid/charts exec bash scripts/import-crds.sh [CRD_DIR]
set -euo pipefail

package_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
crd_dir="${1:-$package_dir/../validate/schemas/crds}"
out_dir="$package_dir/src/imports"
cdk8s="$package_dir/node_modules/.bin/cdk8s"

# One module per API group; each group's CRDs go into one file so its module holds every kind.
crds=(
  projectcalico.org_globalnetworkpolicies.yaml
  projectcalico.org_globalnetworksets.yaml
  projectcalico.org_networkpolicies.yaml
  projectcalico.org_networksets.yaml
  kustomize.toolkit.fluxcd.io_kustomizations.yaml
  source.toolkit.fluxcd.io_gitrepositories.yaml
  source.toolkit.fluxcd.io_ocirepositories.yaml
  source.toolkit.fluxcd.io_helmrepositories.yaml
  helm.toolkit.fluxcd.io_helmreleases.yaml
  operator.tigera.io_apiservers.yaml
  approuting.kubernetes.azure.com_nginxingresscontrollers.yaml
  notification.toolkit.fluxcd.io_alerts.yaml
  notification.toolkit.fluxcd.io_providers.yaml
  secrets-store.csi.x-k8s.io_secretproviderclasses.yaml
)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for crd in "${crds[@]}"; do
  [[ -f "$crd_dir/$crd" ]] || { echo "missing CRD file: $crd_dir/$crd" >&2; exit 1; }
  printf -- '---\n' >>"$work/crds.yaml"
  cat "$crd_dir/$crd" >>"$work/crds.yaml"
done

# cwd = the scratch folder, so no cdk8s.yaml of this repository is read or written.
(cd "$work" && "$cdk8s" import crds.yaml --no-check-upgrade --no-save --language typescript --output "$work/out" >/dev/null)

for module in projectcalico.org kustomize.toolkit.fluxcd.io source.toolkit.fluxcd.io operator.tigera.io approuting.kubernetes.azure.com notification.toolkit.fluxcd.io helm.toolkit.fluxcd.io secrets-store.csi.x-k8s.io; do
  [[ -f "$work/out/$module.ts" ]] || { echo "cdk8s import produced no $module.ts" >&2; exit 1; }
  cp "$work/out/$module.ts" "$out_dir/$module.ts"
done
# The classes are derived from the CRD schemas: their licences travel with them.
cp "$crd_dir/LICENSE.calico.txt" "$crd_dir/LICENSE.flux.txt" "$crd_dir/LICENSE.tigera-operator.txt" "$crd_dir/LICENSE.aks-app-routing-operator.txt" "$crd_dir/LICENSE.secrets-store-csi-driver.txt" "$out_dir/"
echo "regenerated: $(cd "$out_dir" && ls ./*.ts | tr '\n' ' ')"
