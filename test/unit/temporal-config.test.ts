// temporal.config.ts: the one typed place for Temporal settings, its defaults, and refusal of bad values.
import { describe, expect, it } from 'vitest';
import { loadTemporalConfig } from '../../temporal.config';

describe('the Temporal configuration', () => {
  it('runs a local dev server with the documented defaults when nothing is set', () => {
    const c = loadTemporalConfig({});
    expect(c.address).toBeUndefined();
    expect(c).toMatchObject({ namespace: 'default', taskQueue: 'jianjian-cases' });
    expect(c.server).toMatchObject({ port: 7233, uiPort: 8233, cli: undefined, testServer: undefined });
    expect(c.worker).toEqual({ maxCachedWorkflows: 500, maxConcurrentActivityTaskExecutions: 50, maxConcurrentWorkflowTaskExecutions: 40 });
    expect(c.weeklyReport.cron).toBe('0 8 * * FRI');
  });

  it('takes every setting from the environment, an empty variable counting as unset', () => {
    const c = loadTemporalConfig({
      TEMPORAL_ADDRESS: 'temporal.internal:7233', TEMPORAL_NAMESPACE: 'county', TEMPORAL_TASK_QUEUE: 'cases', TEMPORAL_CLI: '/opt/temporal',
      TEMPORAL_TEST_SERVER: '', TEMPORAL_MAX_CACHED_WORKFLOWS: '2000', WEEKLY_REPORT_CRON: 'off', TEMPORAL_PAYLOAD_KEYS: `k=${'A'.repeat(43)}=`,
    });
    expect(c).toMatchObject({ address: 'temporal.internal:7233', namespace: 'county', taskQueue: 'cases' });
    expect(c.server).toMatchObject({ cli: '/opt/temporal', testServer: undefined });
    expect(c.worker.maxCachedWorkflows).toBe(2000);
    expect(c.weeklyReport.cron).toBeNull();
  });

  it('refuses bad values at start, naming every one', () => {
    expect(() => loadTemporalConfig({ TEMPORAL_ADDRESS: 'nohost', TEMPORAL_PORT: '70000', TEMPORAL_MAX_CACHED_WORKFLOWS: '-1' }))
      .toThrow(/TEMPORAL_ADDRESS: must be host:port[\s\S]*TEMPORAL_PORT[\s\S]*TEMPORAL_MAX_CACHED_WORKFLOWS/);
    expect(() => loadTemporalConfig({ TEMPORAL_CLI_VERSION: 'latest' })).toThrow(/TEMPORAL_CLI_VERSION/);
  });
});
