import { ApiObject, App, Chart } from 'cdk8s';
import { renderApiObject } from './api-objects.js';

/** One YAML file of the Flux tree: plain JSON Kubernetes objects, in a stable order. */
export interface ManifestFile {
  /** File name, e.g. `namespace.yaml`. */
  readonly name: string;
  readonly objects: readonly Record<string, unknown>[];
}

/** One folder of the Flux tree. */
export interface ManifestUnit {
  /** Relative to `gitops/clusters/<cluster>/`: '' (entry), 'infrastructure', 'calico-apiserver', 'calico', 'teams/<team>'. */
  readonly dir: string;
  readonly files: readonly ManifestFile[];
}

/**
 * Collects the charts of one folder: a cdk8s App per folder, a Chart per file, objects in creation
 * order. Rendering is in memory (`App.synth()`, which writes to `outdir`, is never called) and skips
 * what `Chart.toJson()` adds on top of `ApiObject.toJson()`: dependency ordering and validation over
 * the whole App on every call; the kit's constructs declare neither.
 */
export class UnitBuilder {
  private readonly app = new App();
  private readonly files: Array<{ readonly name: string; readonly chart: Chart }> = [];

  constructor(private readonly dir: string) {}

  /** A new chart whose objects land in file `name`, in the order they are created. */
  file(name: string): Chart {
    if (!/^[a-z0-9][a-z0-9.-]*\.yaml$/.test(name)) throw new Error(`"${name}" is not a kebab-case .yaml file name`);
    if (this.files.some((f) => f.name === name)) throw new Error(`file ${name} is already defined in ${this.dir || 'the entry folder'}`);
    const chart = new Chart(this.app, name.slice(0, -'.yaml'.length), { disableResourceNameHashes: true });
    this.files.push({ name, chart });
    return chart;
  }

  /** Files in the order they were added; files that ended up empty are left out. */
  render(): ManifestUnit {
    const files: ManifestFile[] = [];
    for (const { name, chart } of this.files) {
      const objects = chart.node
        .findAll()
        .filter((c): c is ApiObject => ApiObject.isApiObject(c))
        .map(renderApiObject);
      if (objects.length > 0) files.push({ name, objects });
    }
    return { dir: this.dir, files };
  }

  /**
   * The same folder rendered the cdk8s way, `Chart.toJson()` per file (dependency ordering,
   * validation, token resolution, sorted keys). Slower; tests use it to check the fast path.
   */
  renderWithChartToJson(): ManifestUnit {
    const files: ManifestFile[] = [];
    for (const { name, chart } of this.files) {
      const objects = chart.toJson() as Record<string, unknown>[];
      if (objects.length > 0) files.push({ name, objects });
    }
    return { dir: this.dir, files };
  }
}
