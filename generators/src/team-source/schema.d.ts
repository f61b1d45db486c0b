export interface TeamSourceGeneratorSchema {
  /** The team (its file under apps/<cluster>/teams/). */
  name: string;
  cluster?: string;
  /** Name of the source within the team. Default: the last segment of the URL (without .git). */
  sourceName?: string;
  /** git or oci. Default: oci for an oci:// URL, git otherwise. */
  sourceKind?: 'git' | 'oci';
  sourceUrl: string;
  /** `branch:main`, `tag:v1.2.0`, `semver:>=1.0.0`, `commit:<sha>` (git); `tag:1.2.0`, `semver:...`, `digest:sha256:...` (oci). A bare value is a branch (git) or a tag (oci). Default: branch:main (git). */
  sourceRef?: string;
  sourcePath?: string;
  interval?: string;
  secretRef?: string;
  provider?: 'generic' | 'github';
  commit?: boolean;
}
