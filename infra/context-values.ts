import type { Node } from 'constructs';

/** A CDK context value as a string, or `fallback` when unset or empty. */
export function contextString(node: Node, key: string, fallback: string): string {
  const value: unknown = node.tryGetContext(key);
  return value === undefined || value === null || value === '' ? fallback : String(value);
}

/** A positive number from CDK context; anything else fails synth with the key's name. */
export function contextNumber(node: Node, key: string, fallback: number): number {
  const raw = contextString(node, key, String(fallback));
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`CDK context "${key}" must be a positive number, got "${raw}"`);
  }
  return value;
}

/** A trusted integrator: its API key's name and its usage plan. */
export interface Integrator {
  /** Lower-case name, e.g. `sms-gateway`; names the key and the plan. */
  name: string;
  /** Tips a day the plan allows. */
  tipsPerDay: number;
  /** Sustained requests per second the plan allows (burst twice that). */
  ratePerSecond: number;
}

/** Defaults of an integrator's plan: a busy hotline takes a few hundred tips a day. */
const DEFAULT_TIPS_PER_DAY = 2000;
const DEFAULT_RATE_PER_SECOND = 5;

/**
 * Integrators from CDK context `integrators`: `name[:tipsPerDay[:ratePerSecond]]`, comma
 * separated, e.g. `sms-gateway:5000:10,hotline-1300`.
 */
export function integratorsOf(raw: string): Integrator[] {
  const out: Integrator[] = [];
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name = '', perDay, perSecond] = part.split(':');
    if (!/^[a-z][a-z0-9-]{1,31}$/.test(name) || out.some((i) => i.name === name)) {
      throw new Error(
        `CDK context "integrators": "${name}" must be a unique lower-case name (name[:tipsPerDay[:ratePerSecond]])`,
      );
    }
    const tipsPerDay = Number(perDay ?? DEFAULT_TIPS_PER_DAY);
    const ratePerSecond = Number(perSecond ?? DEFAULT_RATE_PER_SECOND);
    if (!(tipsPerDay > 0 && ratePerSecond > 0)) {
      throw new Error(`CDK context "integrators": "${part}" needs positive numbers (name:tipsPerDay:ratePerSecond)`);
    }
    out.push({ name, tipsPerDay: Math.floor(tipsPerDay), ratePerSecond });
  }
  return out;
}
