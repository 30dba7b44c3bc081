/**
 * The cost model's meters: Lambda invocations and milliseconds per function (through the
 * handlers' telemetry wrapper, which every handler factory uses), DynamoDB read and write
 * request units per table (ReturnConsumedCapacity TOTAL on every item command, by an SDK
 * middleware), SMS parts, pseudonym (KMS GenerateMac) calls, API requests and bytes.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { countSegments } from '../../shared/alerts/sms-segments.js';
import type { MessageSender, OutgoingMessage, Pseudonyms } from '../../shared/core/ports.js';
import type { Telemetry } from '../../functions/lib/powertools-telemetry.js';

/** What was counted, all additive. */
export interface Counts {
  invocations: Record<string, number>;
  lambdaMs: Record<string, number>;
  readUnits: Record<string, number>;
  writeUnits: Record<string, number>;
  smsMessages: number;
  smsParts: number;
  macs: number;
  apiRequests: number;
  apiResponseBytes: number;
}

export function emptyCounts(): Counts {
  return {
    invocations: {},
    lambdaMs: {},
    readUnits: {},
    writeUnits: {},
    smsMessages: 0,
    smsParts: 0,
    macs: 0,
    apiRequests: 0,
    apiResponseBytes: 0,
  };
}

const add = (m: Record<string, number>, k: string, v: number) => void (m[k] = (m[k] ?? 0) + v);

/** Commands that accept ReturnConsumedCapacity. */
const ITEM_COMMANDS = new Set([
  'GetItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'BatchWriteItemCommand',
  'TransactGetItemsCommand',
  'TransactWriteItemsCommand',
]);
const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand']);
const WRITE_COMMANDS = new Set([...WRITES, 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);

/** The meters, and the hooks that feed them. */
export class Meters {
  counts: Counts = emptyCounts();
  /** Table names by physical name → logical key. */
  constructor(private readonly tableKeyOf: (physical: string) => string) {}

  /** Everything counted since the last call, and a fresh start. */
  take(): Counts {
    const out = this.counts;
    this.counts = emptyCounts();
    return out;
  }

  readonly telemetry: Telemetry = {
    count: () => undefined,
    traceClient: (client) => client,
    wrap:
      (handler) =>
      async (...args) => {
        const name = (args[1] as Context | undefined)?.functionName ?? 'unknown';
        const started = performance.now();
        try {
          return await handler(...args);
        } finally {
          add(this.counts.invocations, name, 1);
          add(this.counts.lambdaMs, name, performance.now() - started);
        }
      },
  };

  /** Adds ReturnConsumedCapacity TOTAL to every item command and counts what DynamoDB reports. */
  instrumentDynamo = (client: DynamoDBClient): void => {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const command = context.commandName ?? '';
        if (!ITEM_COMMANDS.has(command)) return next(args);
        (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
        try {
          const out = await next(args);
          this.record((out.output as { ConsumedCapacity?: unknown }).ConsumedCapacity, WRITE_COMMANDS.has(command));
          return out;
        } catch (err) {
          // A failed condition still costs a write unit (1 KB); DynamoDB does not report it on the error.
          const table = (args.input as { TableName?: string }).TableName;
          if (WRITES.has(command) && table && (err as Error).name === 'ConditionalCheckFailedException') {
            add(this.counts.writeUnits, this.tableKeyOf(table), 1);
          }
          throw err;
        }
      },
      { step: 'initialize', name: 'phithakConsumedCapacity' },
    );
  };

  private record(consumed: unknown, write: boolean): void {
    type Unit = { TableName?: string; CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number };
    for (const c of [consumed].flat().filter(Boolean) as Unit[]) {
      const table = this.tableKeyOf(c.TableName ?? 'unknown');
      // DynamoDB Local reports only the total: it is a read or a write by what the command is.
      add(write ? this.counts.writeUnits : this.counts.readUnits, table, c.CapacityUnits ?? 0);
    }
  }

  /** A sender that counts messages and parts (the provider is not called). */
  sender(): MessageSender & { sent: OutgoingMessage[] } {
    const sent: OutgoingMessage[] = [];
    return {
      channel: 'sms',
      sent,
      send: async (message) => {
        sent.push(message);
        this.counts.smsMessages += 1;
        this.counts.smsParts += countSegments(message.text).segments;
        return { providerMessageId: `cost-${sent.length}` };
      },
    };
  }

  /** Pseudonyms that count calls (each is one KMS GenerateMac in AWS). */
  pseudonyms(inner: Pseudonyms): Pseudonyms {
    return { of: (purpose, value) => ((this.counts.macs += 1), inner.of(purpose, value)) };
  }
}
