/**
 * Issue 9 on the real local stack: contact data sealed at rest and opened only in an audited
 * detail; nothing sensitive in any log line or side file, even with a failure at each stage;
 * DATA_DIR closed to other users; data carries its expiry.
 */
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MessageSendError } from '../../shared/core/message-send-error.js';
import type { AppContext } from '../../functions/composition/context.js';
import { createDynamoClients } from '../../functions/lib/dynamo-client.js';
import { startLocalSystem, type LocalSystem } from '../../functions/local/system.js';
import { eventually } from '../support/local-system.js';

const dataDir = mkdtempSync(join(tmpdir(), 'phithak-privacy-'));
const TEXT = `ข้อความลับเฉพาะ-${randomUUID()}`;
const CONTACT = `081${randomInt(1_000_000, 9_999_999)}`;
const VOLUNTEER_PHONE = `089${randomInt(1_000_000, 9_999_999)}`;
const VOLUNTEER_NAME = `ชื่อลับ-${randomUUID().slice(0, 8)}`;
const SECRETS = [TEXT, CONTACT.slice(1), VOLUNTEER_PHONE.slice(1), VOLUNTEER_NAME];
const CENTRE = { lat: 6.4255, lon: 101.8231 };

let sys: LocalSystem;
const output: string[] = [];
const failed = new Set<string>();

/** Fails the first call of `fn` with `error`, then behaves. */
function failOnce<A extends unknown[], R>(
  name: string,
  fn: (...a: A) => Promise<R>,
  error = new Error(`injected ${name}`),
) {
  return async (...args: A): Promise<R> => {
    if (!failed.has(name)) {
      failed.add(name);
      throw error;
    }
    return fn(...args);
  };
}

/** One failure at each stage: intake store, hotspot store, SMS provider, opt-out worker. */
function faults(ctx: AppContext): Partial<AppContext> {
  const sms = ctx.senders.sms!;
  return {
    tips: {
      ...ctx.tips,
      create: failOnce('store', ctx.tips.create.bind(ctx.tips)),
      get: ctx.tips.get.bind(ctx.tips),
      list: ctx.tips.list.bind(ctx.tips),
      setStatus: ctx.tips.setStatus.bind(ctx.tips),
      clusterableSince: ctx.tips.clusterableSince.bind(ctx.tips),
      inCells: ctx.tips.inCells.bind(ctx.tips),
    },
    hotspots: {
      listActive: ctx.hotspots.listActive.bind(ctx.hotspots),
      get: ctx.hotspots.get.bind(ctx.hotspots),
      saveChanges: failOnce('hotspots', ctx.hotspots.saveChanges.bind(ctx.hotspots)),
    },
    senders: {
      sms: {
        channel: 'sms',
        send: failOnce('sms', sms.send.bind(sms), new MessageSendError('throttled', true, 5, 'ThrottlingException')),
      },
    },
    volunteers: {
      ...bindAll(ctx.volunteers),
      findByPhone: failOnce('opt-out worker', ctx.volunteers.findByPhone.bind(ctx.volunteers)),
    },
  };
}

function bindAll<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.getOwnPropertyNames(Object.getPrototypeOf(o))) {
    const v = (o as Record<string, unknown>)[key];
    if (typeof v === 'function' && key !== 'constructor') out[key] = (v as (...a: unknown[]) => unknown).bind(o);
  }
  return out as T;
}

beforeAll(async () => {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      output.push(String(chunk));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void output.push(args.map(String).join(' ')));
  }
  sys = await startLocalSystem({
    dataDir,
    port: 0,
    web: false,
    schedules: false,
    coordinatorToken: 'privacy',
    publicSnapshotEveryS: 0,
    decorate: faults,
  });
}, 180_000);

afterAll(async () => {
  await sys?.stop();
  vi.restoreAllMocks();
  rmSync(dataDir, { recursive: true, force: true });
});

const auth = { authorization: 'Bearer privacy', 'content-type': 'application/json' };

async function postTip(body: object, key: string) {
  for (;;) {
    const res = await fetch(`${sys.url}/api/tips`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
    // The injected store failure is a 5xx: nothing acknowledged, so the client retries the same key.
    if (res.status >= 500) continue;
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }
}

/** Every file under DATA_DIR, with its mode. */
function filesUnder(dir: string): Array<{ path: string; mode: number; isDir: boolean }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    const mode = statSync(path).mode & 0o777;
    return e.isDirectory() ? [{ path, mode, isDir: true }, ...filesUnder(path)] : [{ path, mode, isDir: false }];
  });
}

describe('privacy on the local stack, with a failure at each stage', () => {
  let ids: string[];

  it('runs the whole flow: tips, a hotspot, an SMS (failed once, with its reason), an opt-out request', async () => {
    const v = await fetch(`${sys.url}/api/volunteers`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        name: VOLUNTEER_NAME,
        phone: VOLUNTEER_PHONE,
        location: { lat: CENTRE.lat + 0.01, lon: CENTRE.lon },
        radiusKm: 5,
      }),
    });
    expect(v.status).toBe(201);
    ids = [];
    for (let i = 0; i < 6; i++) {
      const location = { lat: CENTRE.lat + (i % 3) * 0.001, lon: CENTRE.lon + Math.floor(i / 3) * 0.001 };
      ids.push(
        await postTip(
          {
            text: `${TEXT} ${i}`,
            category: 'labour_exploitation',
            location,
            contact: { phone: CONTACT, consentToContact: true },
          },
          randomUUID(),
        ),
      );
    }
    const alerts = await eventually(async () => {
      const res = await fetch(`${sys.url}/api/alerts`, { headers: auth });
      const items = ((await res.json()) as { items: Array<{ status: string; failureReason?: string }> }).items;
      return items.some((a) => a.status === 'failed') ? items : undefined;
    }, 30_000);
    expect(alerts.find((a) => a.status === 'failed')).toMatchObject({ failureReason: 'ThrottlingException' });
    expect(
      (
        await fetch(`${sys.url}/api/opt-out`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ phone: VOLUNTEER_PHONE }),
        })
      ).status,
    ).toBe(202);
    // The opt-out's stream record can take a while to show on a loaded machine: wait for the
    // worker's first (failing) call, then for everything to settle.
    await eventually(async () => failed.has('opt-out worker'), 60_000).catch(() => undefined);
    await sys.settled(30_000);
    expect([...failed].sort()).toEqual(['hotspots', 'opt-out worker', 'sms', 'store']);
  }, 120_000);

  it('keeps the contact sealed at rest, shows it only in the audited detail', async () => {
    const { doc, ddb } = createDynamoClients({ region: 'ap-southeast-1', dynamoEndpoint: sys.dynamoEndpoint });
    try {
      const raw = await doc.send(new GetCommand({ TableName: sys.ctx.config.tables.tips, Key: { id: ids[0] } }));
      expect(raw.Item).toMatchObject({ hasContact: true, expiresAt: expect.any(Number) });
      expect(JSON.stringify(raw.Item)).not.toContain(CONTACT.slice(1));
      const sealed = await doc.send(new ScanCommand({ TableName: sys.ctx.config.tables.tipContacts }));
      expect(sealed.Items).toHaveLength(6);
      expect(JSON.stringify(sealed.Items)).not.toContain(CONTACT.slice(1));
      // Retention: text a year after receipt, contact 90 days.
      const contactItem = sealed.Items!.find((i) => i.tipId === ids[0])!;
      expect((raw.Item!.expiresAt as number) - (contactItem.expiresAt as number)).toBe((365 - 90) * 86_400);
    } finally {
      ddb.destroy();
    }
    const list = await (await fetch(`${sys.url}/api/tips?limit=50`, { headers: auth })).json();
    expect(JSON.stringify(list)).not.toContain(CONTACT.slice(1));
    const detail = (await (await fetch(`${sys.url}/api/tips/${ids[0]}`, { headers: auth })).json()) as {
      contact: { phone: string };
    };
    expect(detail.contact.phone).toBe(CONTACT);
    const audit = (await (await fetch(`${sys.url}/api/tips/${ids[0]}/audit`, { headers: auth })).json()) as {
      items: unknown[];
    };
    expect(audit.items).toEqual([{ at: expect.any(String), by: 'token', what: 'detail: text, exact place, contact' }]);
  });

  it('writes nothing sensitive to any log line or side file, and closes DATA_DIR to other users', async () => {
    const logs = output.join('\n');
    for (const secret of SECRETS) expect(logs, secret).not.toContain(secret);
    const files = filesUnder(dataDir);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const f of files) expect(f.mode & 0o077, f.path).toBe(0);
    const sideFiles = files.filter((f) => !f.isDir && !f.path.endsWith('.db'));
    expect(sideFiles.map((f) => f.path.slice(dataDir.length + 1)).sort()).toEqual(
      expect.arrayContaining(['checkpoints-tips.json', 'keys/contact-master.key', 'keys/pseudonym.key']),
    );
    for (const f of sideFiles) {
      const text = readFileSync(f.path, 'utf8');
      for (const secret of SECRETS) expect(text, `${f.path} holds ${secret}`).not.toContain(secret);
    }
    // The database itself holds no tipster's number: contacts are sealed before they reach it.
    const db = files.find((f) => f.path.endsWith('.db'))!;
    expect(readFileSync(db.path).includes(Buffer.from(CONTACT.slice(1)))).toBe(false);
  });
});
