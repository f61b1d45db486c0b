import { parse, type ParseResult } from '@marcbachmann/cel-js';
import type { ErrorObject } from 'ajv';
import type { DataValidateFunction } from 'ajv/dist/types/index.js';

/** One entry of a CRD's x-kubernetes-validations. */
interface CelRule {
  rule?: string;
  message?: string;
}

interface CompiledRule {
  readonly rule: string;
  readonly message: string;
  readonly evaluate: ParseResult;
}

/**
 * CRD CEL rules (x-kubernetes-validations), e.g. Calico's "HTTP match is only valid on Allow
 * rules". Evaluated with cel-js against `self` only. Deliberately one-sided: a rule is reported
 * only when it evaluates to exactly `false`; rules that cannot be parsed, need `oldSelf`
 * (transition rules have no old object here), or throw while evaluating are skipped, so a
 * difference between cel-js and the API server's cel-go can hide a problem but never invent one.
 */
export function compileCelRules(rules: unknown): DataValidateFunction {
  const compiled: CompiledRule[] = [];
  for (const r of Array.isArray(rules) ? (rules as CelRule[]) : []) {
    if (typeof r?.rule !== 'string' || /\boldSelf\b/.test(r.rule)) continue;
    try {
      compiled.push({
        rule: r.rule,
        message: r.message ?? `failed rule: ${r.rule}`,
        evaluate: parse(r.rule),
      });
    } catch {
      // cel-js cannot parse it: skip (see above)
    }
  }
  if (compiled.length === 0) return () => true;

  const validate: DataValidateFunction = (data: unknown) => {
    const errors: ErrorObject[] = [];
    for (const c of compiled) {
      let result: unknown;
      try {
        result = c.evaluate({ self: data });
      } catch {
        continue;
      }
      if (result === false) {
        // instancePath left unset: ajv fills in the path of the object the rule sits on.
        errors.push({
          keyword: 'x-kubernetes-validations',
          params: { rule: c.rule },
          message: c.message,
        } as unknown as ErrorObject);
      }
    }
    if (errors.length === 0) return true;
    validate.errors = errors;
    return false;
  };
  return validate;
}
