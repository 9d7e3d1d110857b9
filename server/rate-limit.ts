import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Bilingual } from '../engine/index.ts';
import { SERVER_TEXT as T } from './problems/messages.ts';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** What a request costs, in units of one evaluation's work: routes set `config: { cost: (request) => n }` (default 1). */
export type CostOf = (request: FastifyRequest) => number;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This route's cost against the rate limit, once its body is parsed and valid (default 1). */
    cost?: CostOf;
    /** false: the route is not rate limited (the operator's routes). */
    rateLimit?: boolean;
  }
}

/** Past the budget: 429 problem+json with Retry-After (problem.ts). */
export class RateLimitedError extends Error {
  readonly statusCode = 429;
  readonly code = 'RATE_LIMITED';
  /** The message in both languages. */
  readonly text: Bilingual;
  constructor(
    readonly max: number,
    readonly windowMs: number,
    readonly retryAfter: number,
  ) {
    const text = T.rateLimited(max, Math.round(windowMs / 1000), retryAfter);
    super(text.en);
    this.text = text;
    this.name = 'RateLimitedError';
  }
}

export interface RateLimitOptions {
  /** Cost units per client address per window; 0 = no rate limiting. */
  max: number;
  windowMs: number;
  /** Called with each refusal (metrics). */
  onLimited?: () => void;
}

/** Every started 4 KiB of body costs one unit too: parsing and validating 1 MB takes about as long as 250 evaluations, refused or not. */
export const BODY_BYTES_PER_UNIT = 4 * 1024;

/**
 * A cost-weighted rate limit per client address (request.ip: the peer, or with TRUST_PROXY the client a trusted
 * proxy names), on rate-limiter-flexible's in-memory counters. Every request pays one unit on arrival, before its body
 * is read; once its body is parsed and valid it pays the rest of its cost (a batch of 1000 items costs 1000, a large
 * body its size), so one heavy request cannot pass as a light one.
 */
async function rateLimit(app: FastifyInstance, options: RateLimitOptions): Promise<void> {
  if (options.max <= 0) return;
  const limiter = new RateLimiterMemory({ points: options.max, duration: options.windowMs / 1000 });
  const refuse = (reply: FastifyReply, msBeforeNext: number): never => {
    options.onLimited?.();
    const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
    reply.header('x-ratelimit-limit', options.max);
    reply.header('x-ratelimit-remaining', 0);
    throw new RateLimitedError(options.max, options.windowMs, retryAfter);
  };
  const charge = async (request: FastifyRequest, reply: FastifyReply, units: number, onlyIfItFits: boolean) => {
    if (onlyIfItFits) {
      // A heavy request that does not fit in what is left is refused without spending it, so light ones still pass.
      const now = await limiter.get(request.ip);
      if (now && now.consumedPoints + units > options.max) refuse(reply, now.msBeforeNext);
    }
    try {
      const res = await limiter.consume(request.ip, units);
      reply.header('x-ratelimit-limit', options.max);
      reply.header('x-ratelimit-remaining', res.remainingPoints);
      reply.header('x-ratelimit-reset', Math.ceil(res.msBeforeNext / 1000));
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      refuse(reply, e.msBeforeNext);
    }
  };
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.rateLimit === false) return;
    await charge(request, reply, 1, false);
  });
  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.config?.rateLimit === false) return;
    const cost = request.routeOptions.config?.cost;
    const length = Number(request.headers['content-length'] ?? 0);
    const units = Math.max(cost ? cost(request) : 1, Number.isFinite(length) ? Math.ceil(length / BODY_BYTES_PER_UNIT) : 1) - 1;
    if (units > 0) await charge(request, reply, Math.ceil(units), true);
  });
}

export const registerRateLimit = fp(rateLimit, { name: 'cleanprod-rate-limit' });
