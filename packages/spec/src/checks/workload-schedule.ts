/**
 * CronJob schedules as Kubernetes reads them: the robfig/cron standard parser (five fields, or a
 * macro) that kube-controller-manager uses, and a time zone from the IANA database
 * (https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax,
 * https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones). The API server
 * refuses `CRON_TZ=` and `TZ=` in the schedule (use `timeZone`).
 */

const MACROS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface Field {
  readonly what: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  /** `?` is accepted in day of month and day of week. */
  readonly question?: boolean;
}

const FIELDS: readonly Field[] = [
  { what: 'minute', min: 0, max: 59 },
  { what: 'hour', min: 0, max: 23 },
  { what: 'day of month', min: 1, max: 31, question: true },
  { what: 'month', min: 1, max: 12, names: MONTHS },
  { what: 'day of week', min: 0, max: 6, names: DAYS, question: true },
];

/** Why `schedule` is not a schedule Kubernetes accepts, or undefined. */
export function cronScheduleProblem(schedule: string): string | undefined {
  const text = schedule.trim();
  if (/^(CRON_TZ|TZ)=/.test(text)) return 'sets a time zone inside the schedule, which Kubernetes refuses; use cronJob.timeZone';
  if (text.startsWith('@')) {
    if (MACROS.has(text)) return undefined;
    if (/^@every\s+([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/.test(text)) return undefined;
    return `"${text}" is not a macro Kubernetes knows (${[...MACROS].join(', ')}, @every <duration>)`;
  }
  const parts = text.split(/\s+/);
  if (parts.length !== 5) return `has ${parts.length} field${parts.length === 1 ? '' : 's'}; a schedule has five: minute hour day-of-month month day-of-week`;
  for (let i = 0; i < FIELDS.length; i++) {
    const problem = fieldProblem(parts[i]!, FIELDS[i]!);
    if (problem) return `${FIELDS[i]!.what} "${parts[i]}": ${problem}`;
  }
  return undefined;
}

function fieldProblem(text: string, field: Field): string | undefined {
  for (const item of text.split(',')) {
    const [range, step, extra] = item.split('/');
    if (extra !== undefined) return 'more than one "/"';
    if (step !== undefined && !/^[1-9][0-9]*$/.test(step)) return `step "${step}" is not a positive number`;
    if (range === '*' || (range === '?' && field.question)) continue;
    const bounds = range!.split('-');
    if (bounds.length > 2) return `"${range}" is not a value or a range`;
    const values = bounds.map((b) => fieldValue(b, field));
    const bad = bounds.find((_, i) => values[i] === undefined);
    if (bad !== undefined) return `"${bad}" is not between ${field.min} and ${field.max}${field.names ? ` or one of ${field.names.join(', ')}` : ''}`;
    if (values.length === 2 && values[0]! > values[1]!) return `range "${range}" runs backwards`;
  }
  return undefined;
}

function fieldValue(text: string, field: Field): number | undefined {
  if (/^[0-9]+$/.test(text)) {
    const n = Number(text);
    return n >= field.min && n <= field.max ? n : undefined;
  }
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  return index < 0 ? undefined : index + field.min;
}

/**
 * Why `zone` is not an IANA time zone name, or undefined. Node's ICU accepts IANA names and their
 * aliases; Go's time.LoadLocation (which Kubernetes uses) is case-sensitive on Linux, so the case
 * must match.
 */
export function timeZoneProblem(zone: string): string | undefined {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return `"${zone}" is not an IANA time zone`;
  }
  if (resolved !== zone && resolved.toLowerCase() === zone.toLowerCase()) return `write it as "${resolved}" (time zone names are case-sensitive)`;
  return undefined;
}
