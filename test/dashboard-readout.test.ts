import { describe, expect, it } from 'vitest';
import { crossingMessage, isAlarming, metricRows, statesOf, thresholdState } from '../src/web/dashboard-readout';

const view = {
  dashboards: [
    {
      id: 'checkout',
      title: 'Checkout',
      metrics: [
        { id: 'errors', label: 'Checkout error rate', unit: '%', threshold: 1, alarm: 'above' as const },
        { id: 'orders', label: 'Orders per minute', unit: 'orders', threshold: null, alarm: 'below' as const },
      ],
    },
    { id: 'db', title: 'Orders database', metrics: [{ id: 'cpu', label: 'Database CPU', unit: '%', threshold: 80, alarm: 'above' as const }] },
  ],
};

const live = (errors: number, orders: number, cpu: number) => ({
  dashboards: [
    { id: 'checkout', metrics: [{ id: 'errors', current: errors, series: [] }, { id: 'orders', current: orders, series: [] }] },
    { id: 'db', metrics: [{ id: 'cpu', current: cpu, series: [] }] },
  ],
});

describe('the dashboards in words', () => {
  it('lists every metric with its value, threshold and state, formatted as the canvas prints them', () => {
    expect(metricRows(view, live(5.23, 140, 34.04))).toEqual([
      { key: 'checkout/errors', dashboard: 'Checkout', label: 'Checkout error rate', value: '5.2%', threshold: '1%', state: 'above', alarming: true },
      { key: 'checkout/orders', dashboard: 'Checkout', label: 'Orders per minute', value: '140 orders', threshold: null, state: 'none', alarming: false },
      { key: 'db/cpu', dashboard: 'Orders database', label: 'Database CPU', value: '34%', threshold: '80%', state: 'below', alarming: false },
    ]);
  });

  it('counts a value at the threshold as below it, as the canvas does (it colours only current > threshold)', () => {
    expect(thresholdState(1, 1)).toBe('below');
    expect(thresholdState(1.01, 1)).toBe('above');
    expect(thresholdState(5, null)).toBe('none');
    expect(thresholdState(Number.NaN, 1)).toBe('none');
  });

  it('says nothing on the first look, however the metrics stand', () => {
    expect(crossingMessage(null, metricRows(view, live(9, 10, 95)))).toBeNull();
  });

  it('says nothing while values move on the same side of their thresholds (every tick would be noise)', () => {
    const before = statesOf(metricRows(view, live(5.2, 140, 34)));
    expect(crossingMessage(before, metricRows(view, live(6.8, 20, 61)))).toBeNull();
  });

  it('says one sentence when a metric crosses, naming the direction, the value and the threshold', () => {
    const before = statesOf(metricRows(view, live(0.3, 140, 34)));
    expect(crossingMessage(before, metricRows(view, live(5.2, 140, 34)))).toBe('Dashboards: Checkout error rate rose above its threshold (5.2%, threshold 1%).');
    const during = statesOf(metricRows(view, live(5.2, 140, 34)));
    expect(crossingMessage(during, metricRows(view, live(0.4, 140, 34)))).toBe('Dashboards: Checkout error rate fell back below its threshold (0.4%, threshold 1%).');
  });

  it('puts metrics that cross together into the same one sentence', () => {
    const before = statesOf(metricRows(view, live(5.2, 140, 34)));
    expect(crossingMessage(before, metricRows(view, live(0.4, 140, 91)))).toBe(
      'Dashboards: Checkout error rate fell back below its threshold (0.4%, threshold 1%); Database CPU rose above its threshold (91%, threshold 80%).',
    );
  });

  it('alarms below the threshold for a metric that falls in an incident (a success rate), above it for one that rises', () => {
    expect(isAlarming(95.6, 98, 'below')).toBe(true);
    expect(isAlarming(99.2, 98, 'below')).toBe(false);
    expect(isAlarming(99.2, 98, 'above')).toBe(true);
    expect(isAlarming(5, null, 'below')).toBe(false);
    const success = { dashboards: [{ id: 'shop', title: 'Storefront', metrics: [{ id: 'ok', label: 'Checkout success rate', unit: '%', threshold: 98, alarm: 'below' as const }] }] };
    const at = (value: number) => ({ dashboards: [{ id: 'shop', metrics: [{ id: 'ok', current: value, series: [] }] }] });
    expect(metricRows(success, at(95.6))[0]).toMatchObject({ state: 'below', alarming: true });
    expect(metricRows(success, at(99.2))[0]).toMatchObject({ state: 'above', alarming: false });
    const healthy = statesOf(metricRows(success, at(99.2)));
    expect(crossingMessage(healthy, metricRows(success, at(95.6)))).toBe('Dashboards: Checkout success rate fell below its threshold (95.6%, threshold 98%).');
    const failing = statesOf(metricRows(success, at(95.6)));
    expect(crossingMessage(failing, metricRows(success, at(99.2)))).toBe('Dashboards: Checkout success rate rose back above its threshold (99.2%, threshold 98%).');
  });

  it('never announces a metric without a threshold, nor one it has not seen before', () => {
    const before = new Map([['checkout/orders', 'none' as const]]);
    expect(crossingMessage(before, metricRows(view, live(5.2, 2, 95)))).toBeNull();
  });
});
