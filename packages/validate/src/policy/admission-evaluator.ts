import {
  EXCEPTIONS_CONDITION,
  KINDS,
  kindInfoOf,
  labelsOf,
  NAMESPACE_NAME_LABEL,
  selectorMatches,
  type IndexedObject,
  type KindInfo,
  type ObjectIndex,
} from '@aks-hybrid/policy';
import { asArray, at, FLUX_NAMESPACE, isRecord } from '@aks-hybrid/spec';
import { parse, type ParseResult } from '@marcbachmann/cel-js';

/** What one policy says about one object, as the API server would for a CREATE by Flux. */
export interface PolicyVerdict {
  /** False when the policy does not select the object (resources, selectors, a false matchCondition). */
  readonly applies: boolean;
  /** The spec's exceptions condition leaves the object out (the API server skips the policy for it). */
  readonly excepted: boolean;
  /** Messages of failed validations and of expressions that could not be evaluated (failurePolicy Fail). */
  readonly failures: readonly string[];
}

const NOT_APPLICABLE: PolicyVerdict = { applies: false, excepted: false, failures: [] };

/**
 * The identity CI pretends to be: Flux applying the tree, as the AKS extension does (its
 * `flux-applier` ServiceAccount in flux-system).
 */
export const CI_USER_INFO = {
  username: `system:serviceaccount:${FLUX_NAMESPACE}:flux-applier`,
  groups: ['system:serviceaccounts', `system:serviceaccounts:${FLUX_NAMESPACE}`, 'system:authenticated'],
} as const;

interface Compiled {
  readonly name: string;
  readonly expression: string;
  readonly run: ParseResult;
}

/** Parsed programs by source text: the same expressions recur in every policy set of every run. */
const programs = new Map<string, ParseResult>();

function compile(policy: string, where: string, name: string, expression: unknown): Compiled {
  if (typeof expression !== 'string') throw new Error(`${policy}: ${where} "${name}" has no expression`);
  try {
    let run = programs.get(expression);
    if (!run) programs.set(expression, (run = parse(expression)));
    return { name, expression, run };
  } catch (error) {
    throw new Error(`${policy}: ${where} "${name}" does not compile: ${(error as Error).message.split('\n')[0]}`);
  }
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

/** Does a resourceRules entry list cover this request (matchPolicy Equivalent: any version of the group/resource)? */
function ruleCovers(rule: unknown, info: KindInfo & { objectVersion: string }, equivalent: boolean): boolean {
  const has = (list: unknown, value: string) => Array.isArray(list) && (list.includes(value) || list.includes('*'));
  if (!has(at(rule, 'apiGroups'), info.group) || !has(at(rule, 'resources'), info.resource) || !has(at(rule, 'operations'), 'CREATE')) return false;
  if (!equivalent && !has(at(rule, 'apiVersions'), info.objectVersion)) return false;
  const scope = at(rule, 'scope');
  if (scope === 'Namespaced' && !info.namespaced) return false;
  if (scope === 'Cluster' && info.namespaced) return false;
  return true;
}

/** matchConstraints of a policy or matchResources of a binding, against one object. */
function resourcesMatch(match: unknown, entry: IndexedObject, info: KindInfo & { objectVersion: string }, index: ObjectIndex, requireRules: boolean): boolean {
  if (!isRecord(match)) return !requireRules;
  const equivalent = (match.matchPolicy ?? 'Equivalent') === 'Equivalent';
  if (Array.isArray(match.resourceRules)) {
    if (!match.resourceRules.some((r) => ruleCovers(r, info, equivalent))) return false;
  } else if (requireRules) return false;
  if (asArray(match.excludeResourceRules).some((r) => ruleCovers(r, info, equivalent))) return false;
  if (match.namespaceSelector !== undefined) {
    // For a Namespace the selector is matched against the object's own labels; cluster-scoped
    // objects are always selected; namespaced objects by their namespace's labels.
    let labels: Readonly<Record<string, string>> | undefined;
    if (entry.ref.kind === 'Namespace' && info.group === '') labels = { ...labelsOf(entry.object), [NAMESPACE_NAME_LABEL]: entry.ref.name };
    else if (info.namespaced) labels = index.namespaceLabels(entry.ref.namespace ?? '') ?? { [NAMESPACE_NAME_LABEL]: entry.ref.namespace ?? '' };
    if (labels && !selectorMatches(match.namespaceSelector, labels)) return false;
  }
  return selectorMatches(match.objectSelector, labelsOf(entry.object));
}

/**
 * A ValidatingAdmissionPolicy and its binding, compiled once with cel-js and evaluated in CI the way
 * the API server evaluates them: match constraints, binding match resources, matchConditions,
 * lazily evaluated variables, validations with their messages. The context is a CREATE by Flux:
 * `object`, `oldObject: null`, `params: null`, `namespaceObject` (the rendered Namespace) and
 * `request`. `authorizer` is not provided; no rule of the kit uses it.
 */
export class CompiledAdmissionPolicy {
  readonly name: string;
  /** The catalogue rule (label kit.aks-hybrid.dev/policy-rule), or the policy name. */
  readonly ruleId: string;
  /** Kinds of the kind table the resourceRules cover: the runner offers only these. */
  readonly kinds: ReadonlySet<string>;
  private readonly conditions: Compiled[];
  private readonly variables: Compiled[];
  private readonly validations: Array<Compiled & { readonly message: string; readonly messageExpression?: Compiled }>;
  private readonly enforced: boolean;

  constructor(
    private readonly policy: unknown,
    private readonly binding: unknown,
  ) {
    this.name = String(at(policy, 'metadata', 'name') ?? '');
    this.ruleId = String(at(policy, 'metadata', 'labels', 'kit.aks-hybrid.dev/policy-rule') ?? this.name);
    const spec = at(policy, 'spec');
    this.conditions = asArray(at(spec, 'matchConditions')).map((c) => compile(this.name, 'matchCondition', String(at(c, 'name')), at(c, 'expression')));
    this.variables = asArray(at(spec, 'variables')).map((v) => compile(this.name, 'variable', String(at(v, 'name')), at(v, 'expression')));
    this.validations = asArray(at(spec, 'validations')).map((v, i) => {
      const message = at(v, 'message');
      const messageExpression = at(v, 'messageExpression');
      return {
        ...compile(this.name, 'validation', String(i), at(v, 'expression')),
        message: typeof message === 'string' ? message : `failed expression: ${String(at(v, 'expression'))}`,
        ...(typeof messageExpression === 'string' ? { messageExpression: compile(this.name, 'messageExpression', String(i), messageExpression) } : {}),
      };
    });
    const actions = at(binding, 'spec', 'validationActions');
    this.enforced = binding !== undefined && Array.isArray(actions) && actions.includes('Deny');
    const rules = asArray(at(spec, 'matchConstraints', 'resourceRules'));
    this.kinds = new Set(
      Object.entries(KINDS)
        .filter(([, info]) => rules.some((r) => ruleCovers(r, { ...info, objectVersion: info.version }, true)))
        .map(([kind]) => kind),
    );
  }

  /** The CEL source texts in policy order (matchConditions, variables, validations and their messageExpressions). */
  expressions(): string[] {
    return [
      ...this.conditions.map((c) => c.expression),
      ...this.variables.map((v) => v.expression),
      ...this.validations.flatMap((v) => [v.expression, ...(v.messageExpression ? [v.messageExpression.expression] : [])]),
    ];
  }

  /** `userInfo`: who sends the request; CI is Flux applying the tree unless a test says otherwise. */
  evaluate(
    entry: IndexedObject,
    index: ObjectIndex,
    userInfo: { readonly username: string; readonly groups: readonly string[] } = CI_USER_INFO,
  ): PolicyVerdict {
    if (!this.enforced) return NOT_APPLICABLE;
    const info = kindInfoOf(entry.apiVersion, entry.ref.kind);
    if (!info) return NOT_APPLICABLE;
    if (!resourcesMatch(at(this.policy, 'spec', 'matchConstraints'), entry, info, index, true)) return NOT_APPLICABLE;
    if (!resourcesMatch(at(this.binding, 'spec', 'matchResources'), entry, info, index, false)) return NOT_APPLICABLE;

    const namespace = entry.ref.namespace;
    const context: Record<string, unknown> = {
      object: entry.object,
      oldObject: null,
      params: null,
      namespaceObject: namespace ? (index.namespace(namespace)?.object ?? null) : null,
      request: {
        kind: { group: info.group, version: info.version, kind: info.kind },
        resource: { group: info.group, version: info.version, resource: info.resource },
        requestKind: { group: info.group, version: info.objectVersion, kind: info.kind },
        requestResource: { group: info.group, version: info.objectVersion, resource: info.resource },
        subResource: '',
        name: entry.ref.name,
        namespace: namespace ?? '',
        operation: 'CREATE',
        userInfo,
        dryRun: false,
        options: { apiVersion: 'meta.k8s.io/v1', kind: 'CreateOptions' },
      },
    };
    const failures: string[] = [];
    let excepted = false;
    let skipped = false;
    for (const c of this.conditions) {
      let result: unknown;
      try {
        result = c.run(context);
      } catch (error) {
        failures.push(`matchCondition ${c.name} could not be evaluated (the API server rejects the object, failurePolicy Fail): ${errorText(error)}`);
        continue;
      }
      if (result === true) continue;
      if (result !== false) failures.push(`matchCondition ${c.name} did not evaluate to a bool`);
      else if (c.name === EXCEPTIONS_CONDITION) excepted = true;
      else skipped = true;
    }
    // A false matchCondition skips the policy even when another one failed to evaluate.
    if (skipped) return NOT_APPLICABLE;

    // matchConditions cannot see variables (the API server rejects such a policy); validations can.
    context.variables = this.variables.length > 0 ? this.variablesFor(context) : {};

    for (const v of this.validations) {
      let result: unknown;
      try {
        result = v.run(context);
      } catch (error) {
        failures.push(`the rule could not be evaluated on this object (the API server rejects it, failurePolicy Fail): ${errorText(error)}`);
        continue;
      }
      if (result === true) continue;
      if (result !== false) {
        failures.push(`validation ${v.name} did not evaluate to a bool`);
        continue;
      }
      failures.push(this.message(v, context));
    }
    return { applies: true, excepted, failures };
  }

  /** The validation's messageExpression when it yields a non-empty string, else its message (as the API server does). */
  private message(v: { message: string; messageExpression?: Compiled }, context: Record<string, unknown>): string {
    if (!v.messageExpression) return v.message;
    try {
      const text = v.messageExpression.run(context);
      return typeof text === 'string' && text.trim() !== '' ? text : v.message;
    } catch {
      return v.message;
    }
  }

  /**
   * `variables.<name>`, with the API server's semantics: evaluated on first use, once per object, an
   * error surfacing only where the variable is used. The common case (every variable evaluates) is
   * computed eagerly into a plain object, which is several times cheaper; only when one fails are
   * they rebuilt as lazy getters, so an unused failing variable still costs nothing.
   */
  private variablesFor(context: Record<string, unknown>): Record<string, unknown> {
    const eager: Record<string, unknown> = {};
    context.variables = eager;
    try {
      // Variables may use earlier ones (the API server allows only that), so in order.
      for (const v of this.variables) eager[v.name] = v.run(context);
      return eager;
    } catch {
      return this.lazyVariables(context);
    }
  }

  private lazyVariables(context: Record<string, unknown>): Record<string, unknown> {
    const variables: Record<string, unknown> = {};
    for (const v of this.variables) {
      let state: { value: unknown } | { error: unknown } | undefined;
      Object.defineProperty(variables, v.name, {
        enumerable: true,
        get: () => {
          if (!state) {
            try {
              state = { value: v.run(context) };
            } catch (error) {
              state = { error };
            }
          }
          if ('error' in state) throw state.error;
          return state.value;
        },
      });
    }
    return variables;
  }
}

/** Compiles the policies of a list of admission objects with the binding of the same name. */
export function compileAdmissionPolicies(objects: readonly unknown[]): CompiledAdmissionPolicy[] {
  const bindings = new Map(objects.filter((o) => at(o, 'kind') === 'ValidatingAdmissionPolicyBinding').map((b) => [String(at(b, 'spec', 'policyName')), b]));
  return objects
    .filter((o) => at(o, 'kind') === 'ValidatingAdmissionPolicy')
    .map((p) => new CompiledAdmissionPolicy(p, bindings.get(String(at(p, 'metadata', 'name')))));
}
