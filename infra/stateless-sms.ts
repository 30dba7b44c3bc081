import type { Construct } from 'constructs';
import type { BackendFunctions } from './constructs/backend-functions.js';
import { FUNCTION_SPECS, type FunctionKey } from './constructs/function-specs.js';
import { SendPipeline, sendRate } from './constructs/send-pipeline.js';
import { SmsMessaging } from './constructs/sms-messaging.js';
import type { InfraSettings } from './settings.js';

/** The SMS side of the stateless stack. */
export interface SmsWiring {
  pipeline: SendPipeline;
  /** End User Messaging resources; absent with `smsProvider=sns`. */
  messaging?: SmsMessaging;
}

const keysWith = (role: 'sender' | 'enqueuer') =>
  (Object.keys(FUNCTION_SPECS) as FunctionKey[]).filter((key) => FUNCTION_SPECS[key].sms === role);

/**
 * Wires SMS: the send queue drained by the sender function (enqueuers get `SEND_QUEUE_URL` and
 * may send to it; the sender gets its pace), and with End User Messaging the configuration
 * set, protect configuration, sender ID, pool and opt-out list, whose resources only the
 * sending functions may use.
 */
export function wireSms(scope: Construct, backend: BackendFunctions, settings: InfraSettings): SmsWiring {
  const fns = backend.functions;
  const sender = fns.messageSender;
  const pipeline = new SendPipeline(scope, 'SendQueue', {
    sender: sender.fn,
    senderTimeout: FUNCTION_SPECS.messageSender.timeout,
  });
  sender.fn.addEnvironment('SEND_INTERVAL_MS', String(wireSms.rate(settings).intervalMs));
  for (const key of keysWith('enqueuer')) {
    pipeline.queue.grantSendMessages(fns[key].fn);
    fns[key].fn.addEnvironment('SEND_QUEUE_URL', pipeline.queue.queueUrl);
  }
  if (settings.smsProvider === 'sns') return { pipeline };
  const messaging = new SmsMessaging(scope, 'Sms', {
    stage: settings.stage,
    senderId: settings.smsSenderId,
    manageSenderId: settings.smsManageSenderId,
    countries: settings.smsCountries,
    receiptsFunction: fns.deliveryReceipts.fn,
  });
  for (const key of keysWith('sender')) {
    messaging.grantSend(fns[key].fn);
    for (const [name, value] of Object.entries(messaging.environment)) fns[key].fn.addEnvironment(name, value);
  }
  return { pipeline, messaging };
}

/** The sender's reserved concurrency and per-message interval for the configured rate (send-pipeline.ts). */
wireSms.rate = (settings: Pick<InfraSettings, 'smsMessagesPerSecond'>) => sendRate(settings.smsMessagesPerSecond);
