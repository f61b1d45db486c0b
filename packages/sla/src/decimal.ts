/**
 * An exact decimal: `units / 10^scale` with bigint units. Availabilities are decimals (99.95% =
 * 0.9995), and every operation the model needs (product, 1 - a, sums over failure states, times a
 * number of seconds) stays a finite decimal, so no value is ever approximated.
 */
export class Dec {
  static readonly ZERO = new Dec(0n, 0);
  static readonly ONE = new Dec(1n, 0);

  private constructor(
    readonly units: bigint,
    readonly scale: number,
  ) {}

  /** Plain decimal text (`0.9995`, `99.95`, `-1.5`, `2592000`), or a JavaScript number's exponent form (`1e-7`). */
  static parse(text: string): Dec {
    const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text.trim());
    if (!match) throw new Error(`not a decimal number: "${text}"`);
    const [, sign, whole, fraction = '', exponent = '0'] = match;
    const units = BigInt(`${sign}${whole}${fraction}`);
    return Dec.normalized(units, fraction.length - Number(exponent));
  }

  /** A JavaScript number from the spec (e.g. providerSla 0.9995), read through its shortest text form. */
  static fromNumber(value: number): Dec {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return Dec.parse(String(value));
  }

  static fromPercent(text: string): Dec {
    return Dec.parse(text).shift(-2);
  }

  static of(value: bigint | number): Dec {
    return typeof value === 'bigint' ? Dec.normalized(value, 0) : Dec.fromNumber(value);
  }

  private static normalized(units: bigint, scale: number): Dec {
    if (units === 0n) return new Dec(0n, 0);
    let u = units;
    let s = scale;
    while (s > 0 && u % 10n === 0n) {
      u /= 10n;
      s -= 1;
    }
    // A negative scale means trailing zeros: fold them into the units so scale is never negative.
    if (s < 0) {
      u *= 10n ** BigInt(-s);
      s = 0;
    }
    return new Dec(u, s);
  }

  /** Multiplies by 10^places (negative places divide, exactly). */
  shift(places: number): Dec {
    return Dec.normalized(this.units, this.scale - places);
  }

  add(other: Dec): Dec {
    const scale = Math.max(this.scale, other.scale);
    return Dec.normalized(this.at(scale) + other.at(scale), scale);
  }

  sub(other: Dec): Dec {
    const scale = Math.max(this.scale, other.scale);
    return Dec.normalized(this.at(scale) - other.at(scale), scale);
  }

  mul(other: Dec): Dec {
    return Dec.normalized(this.units * other.units, this.scale + other.scale);
  }

  /** 1 - this: the unavailability of an availability, and back. */
  complement(): Dec {
    return Dec.ONE.sub(this);
  }

  cmp(other: Dec): -1 | 0 | 1 {
    const scale = Math.max(this.scale, other.scale);
    const a = this.at(scale);
    const b = other.at(scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  eq(other: Dec): boolean {
    return this.cmp(other) === 0;
  }

  isZero(): boolean {
    return this.units === 0n;
  }

  isNegative(): boolean {
    return this.units < 0n;
  }

  /** Largest integer <= this. */
  floor(): bigint {
    const d = 10n ** BigInt(this.scale);
    const q = this.units / d;
    return this.units < 0n && q * d !== this.units ? q - 1n : q;
  }

  /** Smallest integer >= this. */
  ceil(): bigint {
    return -this.mul(Dec.of(-1n)).floor();
  }

  /** Exact plain decimal text, no exponent, no trailing zeros (`0.99940005`, `1`, `0`). */
  toString(): string {
    const negative = this.units < 0n;
    const digits = (negative ? -this.units : this.units).toString().padStart(this.scale + 1, '0');
    const whole = digits.slice(0, digits.length - this.scale);
    const fraction = digits.slice(digits.length - this.scale);
    return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
  }

  toJSON(): string {
    return this.toString();
  }

  private at(scale: number): bigint {
    return this.units * 10n ** BigInt(scale - this.scale);
  }
}

/** Serial composition: every part must be up, so availabilities multiply. */
export function serial(parts: readonly Dec[]): Dec {
  return parts.reduce((acc, a) => acc.mul(a), Dec.ONE);
}

/** Redundant alternatives: the whole is down only when every alternative is down. */
export function parallel(parts: readonly Dec[]): Dec {
  return parts.reduce((acc, a) => acc.mul(a.complement()), Dec.ONE).complement();
}
