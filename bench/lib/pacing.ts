/** How an open loop (load.ts) kept its pace, as the latency figures report it next to the timings. */
import type { OpenLoopResult } from './load.js';
import { round } from './stats.js';

export interface SendPacing {
  /** Sends scheduled: rate x duration. */
  scheduled: number;
  sent: number;
  /** Scheduled sends given up 10 s after the phase should have ended (the server could not keep up). */
  abandoned: number;
  /** Sends per second actually started. */
  achievedRate: number;
  /** Sends held back past their time (in-flight cap or a busy client). */
  lateSends: number;
  maxSendLagMs: number;
}

export function sendPacing(loop: OpenLoopResult, rateDecimals: number): SendPacing {
  return {
    scheduled: loop.scheduled,
    sent: loop.started,
    abandoned: loop.abandoned,
    achievedRate: round(loop.achievedRate, rateDecimals),
    lateSends: loop.late,
    maxSendLagMs: round(loop.maxLagMs),
  };
}
