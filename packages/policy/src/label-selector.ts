type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Kubernetes label selector semantics (metav1.LabelSelector): matchLabels and matchExpressions
 * (In, NotIn, Exists, DoesNotExist) all hold. An empty or absent selector matches everything.
 */
export function selectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (!isObj(selector)) return true;
  if (isObj(selector.matchLabels)) {
    for (const [k, v] of Object.entries(selector.matchLabels)) if (labels[k] !== v) return false;
  }
  if (Array.isArray(selector.matchExpressions)) {
    for (const e of selector.matchExpressions as Obj[]) {
      const key = String(e.key);
      const values = Array.isArray(e.values) ? (e.values as unknown[]).map(String) : [];
      const has = Object.hasOwn(labels, key);
      switch (e.operator) {
        case 'In':
          if (!has || !values.includes(labels[key]!)) return false;
          break;
        case 'NotIn':
          if (has && values.includes(labels[key]!)) return false;
          break;
        case 'Exists':
          if (!has) return false;
          break;
        case 'DoesNotExist':
          if (has) return false;
          break;
        default:
          return false; // an unknown operator is an invalid selector: it selects nothing
      }
    }
  }
  return true;
}

/** `metadata.labels` of an object as a string map (missing = none). */
export function labelsOf(object: unknown): Record<string, string> {
  const meta = isObj(object) && isObj(object.metadata) ? object.metadata : undefined;
  return meta && isObj(meta.labels) ? (meta.labels as Record<string, string>) : {};
}
