import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inRollout, parseRolloutPolicy, rolloutBucket } from './rollout';

describe('staged rollout', () => {
  it('gives each percentage its share of 20,000 device ids, within 1.5 points', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `device-${i}-${(i * 7919) % 1000}`);
    for (const percentage of [1, 10, 25, 50, 90]) {
      const share = ids.filter((id) => inRollout({ latest: percentage }, 'latest', '1.4.0', id)).length / ids.length;
      expect(Math.abs(share * 100 - percentage), `${percentage} %`).toBeLessThan(1.5);
    }
  });

  it('is stable per device and grows monotonically: a device in at 10 % stays in at 50 % (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (id, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(rolloutBucket(id, '2.0.0')).toBe(rolloutBucket(id, '2.0.0'));
          if (inRollout({ latest: low }, 'latest', '2.0.0', id)) expect(inRollout({ latest: high }, 'latest', '2.0.0', id)).toBe(true);
        },
      ),
    );
  });

  it('picks a different early share for the next release', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `laptop-${i}`);
    const early = (version: string) => new Set(ids.filter((id) => inRollout({ latest: 10 }, 'latest', version, id)));
    const first = early('1.1.0');
    const overlap = [...early('1.2.0')].filter((id) => first.has(id)).length;
    expect(overlap).toBeLessThan(first.size / 2);
  });

  it('gives everything on channels not named, nothing at 0 %, and waits for full rollout without a device id', () => {
    expect(inRollout({}, 'latest', '1.0.0', null)).toBe(true);
    expect(inRollout({ latest: 0 }, 'latest', '1.0.0', 'x')).toBe(false);
    expect(inRollout({ latest: 50 }, 'latest', '1.0.0', null)).toBe(false);
    expect(inRollout({ latest: 50 }, 'beta', '1.0.0-beta.1', null)).toBe(true);
  });

  it('parses OUTPOST_UPDATES_ROLLOUT and names what is wrong', () => {
    expect(parseRolloutPolicy('latest=25, beta=100')).toEqual({ latest: 25, beta: 100 });
    expect(parseRolloutPolicy('40')).toEqual({ latest: 40 });
    expect(parseRolloutPolicy(undefined)).toEqual({});
    expect(() => parseRolloutPolicy('latest=120')).toThrow(/latest=120.*<channel>=<percentage 0..100>/);
    expect(() => parseRolloutPolicy('Latest=x')).toThrow(/OUTPOST_UPDATES_ROLLOUT/);
  });
});
