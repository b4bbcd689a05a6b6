// What the payload codec adds to one case action: the payloads an action puts through Temporal (its
// command, the registration-sized case data its timeline event carries, the acknowledgement), each
// encrypted and decrypted, beside the same payloads only converted. The whole action takes tens of
// milliseconds (the transitions scenario); this is the codec's part of it, in CPU.
import { defaultPayloadConverter } from '@temporalio/common';
import type { BenchContext } from './context';
import { inputs, registrationFor, townshipOf } from './data';
import { measure, type Row } from './measure';
import { dataConverter } from '../temporal.connection';

export async function codec(ctx: BenchContext, n: number): Promise<Row> {
  const [encryption] = dataConverter(ctx.stack.temporal).payloadCodecs!;
  const values = [
    { actor: { id: 'u1', name: '信访窗口 李登记', role: 'desk' }, input: inputs.accept(townshipOf(0)) },
    registrationFor(0),
    { ok: true, version: 42 },
  ];
  const convert = async () => {
    for (const v of values) defaultPayloadConverter.fromPayload(defaultPayloadConverter.toPayload(v));
  };
  const encrypt = async () => {
    for (const v of values) {
      const [decoded] = await encryption!.decode(await encryption!.encode([defaultPayloadConverter.toPayload(v)]));
      defaultPayloadConverter.fromPayload(decoded!);
    }
  };
  await measure(200, 1, encrypt);
  return {
    scenario: "payload codec: one case action's payloads (command, case data, acknowledgement) encrypted and decrypted",
    ours: await measure(n, 1, encrypt), baseline: await measure(n, 1, convert), baselineName: 'the same payloads converted, no codec',
  };
}
