import { readFileSync } from 'node:fs';
import type { SpecIssue } from '../errors.js';
import { platformPath } from '../load/load-cluster.js';
import type { SpecSource } from '../load/source.js';
import { issueAt, parseYamlFile } from '../load/yaml-file.js';
import type { CheckContext } from './context.js';

/**
 * The AKS Kubernetes support calendar (packages/spec/data/aks-kubernetes-versions.json), read from
 * Microsoft Learn "Supported Kubernetes versions in AKS"
 * (https://learn.microsoft.com/azure/aks/supported-kubernetes-versions): a minor past its end of
 * support cannot be chosen for a new cluster, and a running one is out of support. The run date is
 * always an argument (`asOf`), never read here, so old commits can be re-checked as of their date.
 */
export interface AksVersionEntry {
  /** "1.35". */
  readonly minor: string;
  /** Month AKS made the minor generally available, "2026-03". */
  readonly aksGa: string;
  /** Last day of standard support, "2027-03-31". */
  readonly endOfSupport: string;
  readonly lts: boolean;
  /** Last day of long-term support (Premium tier with the AKSLongTermSupport plan only). */
  readonly ltsEndOfSupport?: string;
}

export interface AksVersionCalendar {
  /** The day the sources were read, "2026-12-06". */
  readonly readOn: string;
  readonly sources: readonly string[];
  /** Oldest minor first. */
  readonly versions: readonly AksVersionEntry[];
}

/** Warn this many days before a minor's end of support. */
export const END_OF_SUPPORT_WARNING_DAYS = 60;
export const CALENDAR_FILE = 'packages/spec/data/aks-kubernetes-versions.json';
const FIELD = ['spec', 'cluster', 'kubernetesVersion'];

let calendar: AksVersionCalendar | undefined;

/** The calendar, parsed once (found relative to this module, so src/ and dist/ both work). */
export function aksVersionCalendar(): AksVersionCalendar {
  calendar ??= JSON.parse(readFileSync(new URL('../../data/aks-kubernetes-versions.json', import.meta.url), 'utf8')) as AksVersionCalendar;
  return calendar;
}

interface Minor {
  readonly major: number;
  readonly minor: number;
}

function parseMinor(version: string): Minor | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

const compare = (a: Minor, b: Minor): number => a.major - b.major || a.minor - b.minor;

/** "1.35.2" -> "1.35"; undefined for anything else. */
export function kubernetesMinor(version: string): string | undefined {
  const m = parseMinor(version);
  return m ? `${m.major}.${m.minor}` : undefined;
}

/** Parses a `--as-of` date (YYYY-MM-DD, a real calendar day); undefined when it is not one. */
export function parseAsOf(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value ? value : undefined;
}

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
/** "2026-03" -> "2026-03-01": a GA month counts from its first day. */
const firstDay = (month: string): string => `${month}-01`;

/** Minors in standard support on `asOf`: generally available and not past their end of support. */
export function supportedMinors(asOf: string, cal: AksVersionCalendar = aksVersionCalendar()): string[] {
  return cal.versions.filter((v) => firstDay(v.aksGa) <= asOf && asOf <= v.endOfSupport).map((v) => v.minor);
}

export type VersionSupport =
  | { readonly status: 'supported'; readonly entry: AksVersionEntry }
  | { readonly status: 'ending'; readonly entry: AksVersionEntry; readonly daysLeft: number }
  | { readonly status: 'ended'; readonly entry: AksVersionEntry }
  | { readonly status: 'not-yet-ga'; readonly entry: AksVersionEntry }
  | { readonly status: 'newer-than-calendar' | 'older-than-calendar' | 'unreadable' };

/** Where `version` stands on `asOf` (YYYY-MM-DD). Pure: the date is an input. */
export function kubernetesVersionSupport(version: string, asOf: string, cal: AksVersionCalendar = aksVersionCalendar()): VersionSupport {
  const want = parseMinor(version);
  if (!want) return { status: 'unreadable' };
  const minors = cal.versions.map((v) => parseMinor(v.minor)!);
  if (compare(want, minors.at(-1)!) > 0) return { status: 'newer-than-calendar' };
  if (compare(want, minors[0]!) < 0) return { status: 'older-than-calendar' };
  const entry = cal.versions.find((v) => compare(parseMinor(v.minor)!, want) === 0);
  if (!entry) return { status: 'older-than-calendar' };
  if (asOf < firstDay(entry.aksGa)) return { status: 'not-yet-ga', entry };
  if (asOf > entry.endOfSupport) return { status: 'ended', entry };
  const daysLeft = dayNumber(entry.endOfSupport) - dayNumber(asOf);
  return daysLeft <= END_OF_SUPPORT_WARNING_DAYS ? { status: 'ending', entry, daysLeft } : { status: 'supported', entry };
}

const span = (cal: AksVersionCalendar): string => `${cal.versions[0]!.minor} to ${cal.versions.at(-1)!.minor}, read ${cal.readOn}`;

/**
 * The date-free half, one of the spec's cross-field checks: the version is one the calendar (and so
 * the kit's vendored schemas) knows. "1.99" and "1.20" are refused here with the field's line, long
 * before a renderer or the schema validator would meet them.
 */
export function checkKubernetesVersion(ctx: CheckContext): SpecIssue[] {
  const version = ctx.platform.spec.cluster.kubernetesVersion;
  const cal = aksVersionCalendar();
  const status = kubernetesVersionSupport(version, cal.readOn, cal).status;
  const choose = `choose a supported minor (${supportedMinors(cal.readOn, cal).join(', ')} on ${cal.readOn})`;
  if (status === 'newer-than-calendar') {
    return [
      issueAt(
        ctx.platformFile,
        FIELD,
        `Kubernetes ${version} is newer than any AKS version the kit knows (${span(cal)})`,
        `${choose}, or, once AKS offers it, add it to ${CALENDAR_FILE} with its dates and source`,
      ),
    ];
  }
  if (status === 'older-than-calendar') {
    return [
      issueAt(ctx.platformFile, FIELD, `Kubernetes ${version} is older than any version the kit validates (${span(cal)}); AKS no longer supports it`, choose),
    ];
  }
  return [];
}

export interface KubernetesLifecycleReport {
  /** Refusals: nothing may be rendered or passed as valid. */
  readonly issues: SpecIssue[];
  /** Within END_OF_SUPPORT_WARNING_DAYS of the end of support. */
  readonly warnings: SpecIssue[];
}

/**
 * The dated half, run by `render`, `validate` and `render --check` with the run date (or `--as-of`):
 * refuses a minor past its AKS end of support or not yet GA, naming the date and the supported
 * minors; warns within 60 days of the end. A platform file that does not parse yields nothing here:
 * loading the cluster reports it.
 */
export function checkKubernetesLifecycle(
  source: SpecSource,
  cluster: string,
  asOf: string,
  cal: AksVersionCalendar = aksVersionCalendar(),
): KubernetesLifecycleReport {
  const parsed = parseYamlFile(platformPath(cluster), source.read(platformPath(cluster)) ?? '');
  const version = 'data' in parsed ? (parsed.data as { spec?: { cluster?: { kubernetesVersion?: unknown } } })?.spec?.cluster?.kubernetesVersion : undefined;
  if (!('data' in parsed) || typeof version !== 'string') return { issues: [], warnings: [] };
  const support = kubernetesVersionSupport(version, asOf, cal);
  const supported = supportedMinors(asOf, cal);
  const choose = `move to a supported minor: ${supported.length ? supported.join(', ') : 'none in the calendar'} (as of ${asOf}; calendar ${CALENDAR_FILE}, read ${cal.readOn})`;
  const at = (message: string, hint: string) => issueAt(parsed, FIELD, message, hint);
  switch (support.status) {
    case 'ended':
      return {
        issues: [
          at(`Kubernetes ${support.entry.minor} left AKS support on ${support.entry.endOfSupport}, before ${asOf}: AKS creates no new cluster on it`, choose),
        ],
        warnings: [],
      };
    case 'not-yet-ga':
      return {
        issues: [at(`Kubernetes ${support.entry.minor} is not generally available on AKS until ${support.entry.aksGa} (as of ${asOf})`, choose)],
        warnings: [],
      };
    case 'ending':
      return {
        issues: [],
        warnings: [
          at(
            `Kubernetes ${support.entry.minor} leaves AKS support on ${support.entry.endOfSupport}, ${support.daysLeft} day(s) after ${asOf}`,
            `plan the upgrade; ${choose}`,
          ),
        ],
      };
    default:
      // Unknown and unreadable versions are the date-free check's to report, at load time.
      return { issues: [], warnings: [] };
  }
}
