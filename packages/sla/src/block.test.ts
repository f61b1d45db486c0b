import { describe, expect, it } from 'vitest';
import { alt, dominance, evaluate, seq, type Leaf } from './block.js';
import { Dec } from './decimal.js';
import { figure } from './figures.js';

/** A leaf with an arbitrary availability; the figure reference only matters to reports. */
const part = (id: string, value: string): Leaf => ({
  kind: 'leaf',
  id,
  label: id,
  ref: figure('load-balancer', 'standard'),
  availability: Dec.parse(value),
  why: '',
});

describe('evaluate (hand-computed)', () => {
  it('serial', () => {
    expect(evaluate(seq([part('a', '0.9995'), part('b', '0.9999')])).toString()).toBe('0.99940005');
  });

  it('parallel', () => {
    expect(evaluate(alt([part('a', '0.9995'), part('b', '0.9995')])).toString()).toBe('0.99999975');
  });

  it('mixed: (circuit x gateway  ||  VPN) x Entra', () => {
    // ER = 0.9995 x 0.9995 = 0.99900025; || VPN: 1 - 0.00099975 x 0.0005 = 0.999999500125; x 0.9999
    const block = seq([alt([seq([part('circuit', '0.9995'), part('gateway', '0.9995')]), part('vpn', '0.9995')]), part('entra', '0.9999')]);
    expect(evaluate(block).toString()).toBe('0.9998995001749875');
  });

  it('multi-region: router x (region A || region B)', () => {
    // each region 0.9999 x 0.999 = 0.9989001; pair: 1 - 0.0010999^2 = 0.99999879021999; x 0.9999
    const region = (r: string) => seq([part(`lb-${r}`, '0.9999'), part(`acr-${r}`, '0.999')]);
    const block = seq([part('front-door', '0.9999'), alt([region('a'), region('b')])]);
    expect(evaluate(block).toString()).toBe('0.999898790340968001');
  });

  it('GIVEN a resource shared by both regions WHEN evaluated THEN it counts once, not as if duplicated', () => {
    // shared x (1 - (1 - 0.99)^2) = 0.999 x 0.9999 = 0.9989001; treating the two copies as independent
    // would claim 1 - (1 - 0.999 x 0.99)^2 = 0.9998792199, far too high.
    const branch = (r: string) => seq([part('shared-circuit', '0.999'), part(`gw-${r}`, '0.99')]);
    expect(evaluate(alt([branch('a'), branch('b')])).toString()).toBe('0.9989001');
  });

  it('GIVEN a fixed value WHEN evaluated THEN that resource is taken as perfect', () => {
    const block = seq([part('a', '0.9995'), part('b', '0.9999')]);
    expect(evaluate(block, new Map([['a', Dec.ONE]])).toString()).toBe('0.9999');
  });
});

describe('dominance', () => {
  it('GIVEN a serial path THEN the component with the largest unavailability dominates', () => {
    const d = dominance(seq([part('entra', '0.9999'), part('api', '0.9995'), part('lb', '0.9999')]));
    expect(d.ids).toEqual(['api']);
    // made perfect: 0.9999^2 - 0.9995 x 0.9999^2 = 0.99980001 x 0.0005
    expect(d.gain.toString()).toBe('0.000499900005');
  });

  it('GIVEN a weak component behind a redundant twin THEN a weaker-looking serial part dominates instead', () => {
    // The registry (99.9%) has a replica, so together they fail 1e-6 of the time; the 99.99% LB dominates.
    const d = dominance(seq([part('lb', '0.9999'), alt([part('acr-home', '0.999'), part('acr-replica', '0.999')])]));
    expect(d.ids).toEqual(['lb']);
  });

  it('reports ties in path order', () => {
    expect(dominance(seq([part('x', '0.9999'), part('y', '0.9995'), part('z', '0.9995')])).ids).toEqual(['y', 'z']);
  });
});
