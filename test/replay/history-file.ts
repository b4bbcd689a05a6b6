// Saved workflow histories as JSON. The SDK's historyToJSON/historyFromJSON trip over two copies of
// protobufjs in the installed tree, so the files use protobufjs' own object form of the History message.
import fs from 'node:fs';
import { temporal } from '@temporalio/proto';

const History = temporal.api.history.v1.History;
type IHistory = temporal.api.history.v1.IHistory;

export function saveHistory(file: string, history: IHistory): void {
  const json = History.toObject(History.fromObject(history), { longs: String, enums: String, bytes: String });
  fs.writeFileSync(file, `${JSON.stringify(json, null, 1)}\n`);
}

export function loadHistory(file: string): IHistory {
  return History.fromObject(JSON.parse(fs.readFileSync(file, 'utf8')));
}
