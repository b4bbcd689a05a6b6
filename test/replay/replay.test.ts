// Replays every saved history (test/replay/histories) against the current workflow code: a change
// that would break a running case's replay fails here (docs/versioning.md says when to re-record them).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { expect, it } from 'vitest';
import { bundleWorkflows } from '../../worker/worker';
import { loadHistory } from './history-file';

const HISTORIES = fileURLToPath(new URL('./histories', import.meta.url));

it('replays every saved case history without nondeterminism', async () => {
  const files = fs.readdirSync(HISTORIES).filter((f) => f.endsWith('.json')).sort();
  expect(files.length).toBeGreaterThanOrEqual(3);
  const histories = files.map((f) => ({
    workflowId: f,
    history: loadHistory(path.join(HISTORIES, f)),
  }));
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle: await bundleWorkflows() }, histories)) {
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  expect(failures).toEqual([]);
});
