/**
 * Spacing of posts per chat channel, shared by every worker through Redis: Slack takes about one message per second
 * per channel, Teams a few. A worker claims the channel before posting (or learns how long to wait), and after the
 * post pushes the next allowed time to "now + spacing" (or to Slack's Retry-After), so two posts to one channel are
 * at least `spacing` apart as the platform sees them. Times are Redis's clock, so workers on several hosts agree.
 */
import type { Redis } from 'ioredis';

// KEYS[1] next-allowed-at (ms); ARGV[1] hold (ms). Returns 0 when claimed, else ms to wait.
const CLAIM = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
if now < nextAt then return nextAt - now end
local hold = tonumber(ARGV[1])
redis.call('SET', KEYS[1], now + hold, 'PX', hold + 60000)
return 0`;

// KEYS[1] next-allowed-at; ARGV[1] ms from now. Moves it later, never earlier.
const PUSH_BACK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local wanted = now + tonumber(ARGV[1])
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
if wanted > nextAt then redis.call('SET', KEYS[1], wanted, 'PX', tonumber(ARGV[1]) + 60000) end
return wanted`;

/** Per-channel "next post allowed at" in Redis. */
export class ChannelGate {
  constructor(
    readonly redis: Redis,
    readonly prefix: string,
  ) {}

  private key(channelKey: string): string {
    return `${this.prefix}:chat:next:${channelKey}`;
  }

  /**
   * Claim `channelKey` (`slack:C0123`) for one post if it is free now, holding it for `holdMs`.
   *
   * @returns 0 when claimed (post now), else the milliseconds to wait before asking again
   */
  async claim(channelKey: string, holdMs: number): Promise<number> {
    return Number(await this.redis.eval(CLAIM, 1, this.key(channelKey), String(Math.max(1, Math.round(holdMs)))));
  }

  /** No post to `channelKey` before `ms` from now (after a post, or when the platform asked to wait). */
  async pushBack(channelKey: string, ms: number): Promise<void> {
    await this.redis.eval(PUSH_BACK, 1, this.key(channelKey), String(Math.max(0, Math.round(ms))));
  }
}
