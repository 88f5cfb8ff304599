/**
 * Running the workflow rules on an incident event. One pass takes the rules in position order, and each
 * rule that matches the facts as they stand (changes made by earlier rules included) applies its actions.
 * A chain repeats passes, the changes of one counting as an 'updated' event for the next, until nothing
 * changes. Loop-safe twice over: a rule fires at most once in a chain, and the chain has a depth limit.
 * Actions that reach outside (assigning, notifying, replying) are returned as effects for the caller. Pure.
 */
import { matches } from './match.js';
import type { ChainResult, DryRunResult, Effect, EffectAction, Evaluation, EvaluationContext, Firing, Rule, RuleFacts, RuleTrigger } from './types.js';

export const DEFAULT_MAX_DEPTH = 5;

/** Rules in the order an admin sees them: by position, then id so equal positions stay deterministic. */
function inOrder(rules: readonly Rule[]): Rule[] {
  return [...rules].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Two effects are the same when carrying out both would do the same thing twice. */
function effectKey(a: EffectAction): string {
  switch (a.do) {
    case 'assign-best':
      return 'assign-best';
    case 'notify':
      return `notify|${a.via}|${a.to.trim().toLowerCase()}|${a.template ?? ''}`;
    case 'auto-reply':
      return `auto-reply|${a.template}`;
  }
}

/** One rule's actions on the facts: the new facts, what changed, the effects, and whether it says stop. */
function apply(rule: Rule, facts: RuleFacts): { facts: RuleFacts; changed: (keyof RuleFacts)[]; effects: EffectAction[]; stop: boolean } {
  let next = facts;
  const changed = new Set<keyof RuleFacts>();
  const effects: EffectAction[] = [];
  const set = <K extends keyof RuleFacts>(key: K, value: RuleFacts[K]) => {
    // Setting what is already so is no change, so it cannot wake the next pass.
    if (next[key] === value) return;
    next = { ...next, [key]: value };
    changed.add(key);
  };
  let stop = false;
  for (const a of rule.actions) {
    switch (a.do) {
      case 'set-department':
        set('departmentId', a.departmentId);
        break;
      case 'set-type':
        set('type', a.type);
        break;
      case 'set-kind':
        set('kind', a.kind);
        break;
      case 'set-priority':
        set('priority', a.priority);
        break;
      case 'set-sla':
        set('slaPolicyId', a.policyId);
        break;
      case 'add-tags': {
        // Tags compare in any case ("Gas" is "gas"), and each is added once.
        const have = new Set(next.tags.map((t) => t.toLowerCase()));
        const added: string[] = [];
        for (const t of a.tags) {
          if (have.has(t.toLowerCase())) continue;
          have.add(t.toLowerCase());
          added.push(t);
        }
        if (added.length > 0) set('tags', [...next.tags, ...added]);
        break;
      }
      case 'assign-best':
      case 'notify':
      case 'auto-reply':
        effects.push(a);
        break;
      case 'stop':
        stop = true;
        break;
    }
  }
  return { facts: next, changed: [...changed], effects, stop };
}

/**
 * One pass of the rules for an event. Skips inactive rules, rules not listening to `trigger`, and rules in
 * `ctx.fired`. At or past the depth limit nothing is applied: the pass only reports, as `truncated`,
 * whether some rule would still have fired.
 */
export function evaluate(rules: readonly Rule[], facts: RuleFacts, trigger: RuleTrigger, ctx: EvaluationContext): Evaluation {
  const eligible = inOrder(rules).filter((r) => r.active && r.on.includes(trigger) && !ctx.fired.has(r.id));
  if (ctx.depth >= (ctx.maxDepth ?? DEFAULT_MAX_DEPTH)) {
    return { facts, firings: [], effects: [], stoppedBy: null, truncated: eligible.some((r) => matches(r, facts)) };
  }
  let current = facts;
  const firings: Firing[] = [];
  const effects: Effect[] = [];
  const seenEffects = new Set<string>();
  const firedNow = new Set<string>(); // a rule listed twice still fires once
  let stoppedBy: string | null = null;
  for (const rule of eligible) {
    if (firedNow.has(rule.id) || !matches(rule, current)) continue;
    firedNow.add(rule.id);
    const result = apply(rule, current);
    const changes = Object.fromEntries(result.changed.map((k) => [k, { from: current[k], to: result.facts[k] }]));
    firings.push({ ruleId: rule.id, ruleName: rule.name, actions: rule.actions, changed: result.changed, changes });
    current = result.facts;
    for (const action of result.effects) {
      const key = effectKey(action);
      if (seenEffects.has(key)) continue;
      seenEffects.add(key);
      effects.push({ ruleId: rule.id, action });
    }
    if (result.stop) {
      stoppedBy = rule.id;
      break;
    }
  }
  return { facts: current, firings, effects, stoppedBy, truncated: false };
}

/**
 * The rules for an event and everything it sets off: passes until one changes nothing, `stop` fires, or
 * `maxDepth` passes have run (truncated when a rule would still have fired). `stop` ends the whole chain,
 * not just its pass: otherwise the 'updated' pass would run the very rules the admin meant to stop.
 */
export function runChain(rules: readonly Rule[], facts: RuleFacts, trigger: RuleTrigger, maxDepth: number = DEFAULT_MAX_DEPTH): ChainResult {
  const fired = new Set<string>();
  const firings: ChainResult['firings'] = [];
  const effects: Effect[] = [];
  const seenEffects = new Set<string>();
  let current = facts;
  let event = trigger;
  let stoppedBy: string | null = null;
  let truncated = false;
  for (let pass = 0; ; pass++) {
    const ev = evaluate(rules, current, event, { fired, depth: pass, maxDepth });
    if (ev.truncated) {
      truncated = true;
      break;
    }
    for (const f of ev.firings) {
      fired.add(f.ruleId);
      firings.push({ ...f, pass });
    }
    for (const e of ev.effects) {
      const key = effectKey(e.action);
      if (seenEffects.has(key)) continue;
      seenEffects.add(key);
      effects.push(e);
    }
    current = ev.facts;
    if (ev.stoppedBy !== null) {
      stoppedBy = ev.stoppedBy;
      break;
    }
    // Every pass that goes on fired a rule that can never fire again, so this ends even without maxDepth.
    if (!ev.firings.some((f) => f.changed.length > 0)) break;
    event = 'updated';
  }
  return { facts: current, firings, effects, stoppedBy, truncated };
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** What the rules would do to each of these incidents, changing nothing: for the "try on the last N incidents" screen. */
export function dryRun(rules: readonly Rule[], incidents: readonly RuleFacts[], trigger: RuleTrigger, maxDepth: number = DEFAULT_MAX_DEPTH): DryRunResult[] {
  return incidents.map((facts) => {
    const chain = runChain(rules, facts, trigger, maxDepth);
    const changes: DryRunResult['changes'] = {};
    for (const key of Object.keys(chain.facts) as (keyof RuleFacts)[]) {
      if (!same(facts[key], chain.facts[key])) changes[key] = { from: facts[key], to: chain.facts[key] };
    }
    return { incidentId: facts.incidentId, firings: chain.firings, changes, effects: chain.effects, truncated: chain.truncated };
  });
}

