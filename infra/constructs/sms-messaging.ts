import { Aws, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as smsvoice from 'aws-cdk-lib/aws-smsvoice';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { getCountries } from 'libphonenumber-js';
import { RECEIPT_EVENT_TYPES } from '../../shared/core/record-delivery-receipt.js';
import { SecureQueue } from './secure-queue.js';

/** Props of {@link SmsMessaging}. */
export interface SmsMessagingProps {
  stage: string;
  senderId: string;
  /** Request the sender ID here (`AWS::SMSVOICE::SenderId`); false when it was registered by hand. */
  manageSenderId: boolean;
  /** ISO 3166-1 alpha-2 codes SMS may go to; every other country is blocked. */
  countries: string[];
  /** The function that records delivery receipts. */
  receiptsFunction: lambda.IFunction;
}

/**
 * Every country with a phone numbering plan (libphonenumber's list), less the codes ISO 3166-1
 * does not assign (AC, TA: exceptionally reserved; XK: user-assigned). The protect configuration
 * lists them all: the service returns every country, so a partial list drifts.
 */
const COUNTRY_CODES = getCountries().filter((code) => !['AC', 'TA', 'XK'].includes(code));

/**
 * AWS End User Messaging SMS for the alerts: the Thai sender ID (kept if the stack goes, since
 * registration takes weeks), an opt-out list and a pool that holds both, a protect
 * configuration that lets messages go only to the configured countries, and a configuration
 * set whose final delivery events go, through an encrypted SNS topic, to the receipts function.
 */
export class SmsMessaging extends Construct {
  readonly configurationSet: smsvoice.CfnConfigurationSet;
  readonly protectConfiguration: smsvoice.CfnProtectConfiguration;
  readonly pool: smsvoice.CfnPool;
  readonly optOutList: smsvoice.CfnOptOutList;
  readonly receiptsTopic: sns.Topic;
  /** Receipt events that SNS could not hand to the receipts function (alarmed). */
  readonly receiptDeliveryFailures: sqs.Queue;
  /** What the sending functions need (`SMS_*`). */
  readonly environment: Record<string, string>;
  private readonly senderIdArn: string;

  constructor(scope: Construct, id: string, props: SmsMessagingProps) {
    super(scope, id);
    const name = `phithak-${props.stage}`;
    this.optOutList = new smsvoice.CfnOptOutList(this, 'OptOuts', { optOutListName: name });
    this.senderIdArn = this.senderId(props);
    this.pool = new smsvoice.CfnPool(this, 'Pool', {
      originationIdentities: [this.senderIdArn],
      optOutListName: this.optOutList.ref,
      // Sender IDs are one-way: these answer only if a number is ever added to the pool.
      mandatoryKeywords: {
        help: { message: 'Phithak alerts. Hotline 1300. Stop: reply STOP or use the web form.' },
        stop: { message: 'Phithak: you will receive no further alerts.' },
      },
    });
    this.protectConfiguration = new smsvoice.CfnProtectConfiguration(this, 'Protect', {
      countryRuleSet: {
        sms: COUNTRY_CODES.map((code) => ({
          countryCode: code,
          protectStatus: props.countries.includes(code) ? 'ALLOW' : 'BLOCK',
        })),
      },
    });
    this.receiptsTopic = this.topic(name);
    this.configurationSet = new smsvoice.CfnConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: name,
      defaultSenderId: props.senderId,
      protectConfigurationId: this.protectConfiguration.attrProtectConfigurationId,
      eventDestinations: [
        {
          eventDestinationName: 'receipts',
          enabled: true,
          matchingEventTypes: [...RECEIPT_EVENT_TYPES.delivered, ...RECEIPT_EVENT_TYPES.undelivered],
          snsDestination: { topicArn: this.receiptsTopic.topicArn },
        },
      ],
    });
    // The service checks it may publish when the destination is created.
    this.configurationSet.node.addDependency(this.receiptsTopic);
    const failures = new SecureQueue(this, 'ReceiptDeliveryFailures').queue;
    this.receiptsTopic.addSubscription(
      new subscriptions.LambdaSubscription(props.receiptsFunction, { deadLetterQueue: failures }),
    );
    this.receiptDeliveryFailures = failures;
    this.environment = {
      SMS_PROVIDER: 'eum',
      SMS_ORIGINATION_IDENTITY: this.pool.attrArn,
      SMS_CONFIGURATION_SET: name,
      SMS_PROTECT_CONFIGURATION_ID: this.protectConfiguration.attrProtectConfigurationId,
    };
  }

  /** Lets a function send through the pool, the configuration set and the protect configuration, nothing else. */
  grantSend(fn: lambda.IFunction): void {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['sms-voice:SendTextMessage'],
        resources: [
          this.pool.attrArn,
          this.senderIdArn,
          this.configurationSet.attrArn,
          this.protectConfiguration.attrArn,
          this.optOutList.attrArn,
        ],
      }),
    );
  }

  private senderId(props: SmsMessagingProps): string {
    if (!props.manageSenderId) {
      const stack = Stack.of(this);
      return `arn:${Aws.PARTITION}:sms-voice:${stack.region}:${stack.account}:sender-id/${props.senderId}/TH`;
    }
    const sender = new smsvoice.CfnSenderId(this, 'SenderId', { senderId: props.senderId, isoCountryCode: 'TH' });
    sender.applyRemovalPolicy(RemovalPolicy.RETAIN);
    return sender.attrArn;
  }

  /** The receipts topic: KMS-encrypted (events carry the destination number), TLS-only, publishable by this configuration set only. */
  private topic(name: string): sns.Topic {
    const key = new kms.Key(this, 'ReceiptsKey', {
      description: 'Phithak SMS delivery events (they carry destination numbers)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const service = new iam.ServicePrincipal('sms-voice.amazonaws.com');
    const configSetArn = `arn:${Aws.PARTITION}:sms-voice:${Aws.REGION}:${Aws.ACCOUNT_ID}:configuration-set/${name}`;
    const conditions = {
      StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
      ArnLike: { 'aws:SourceArn': configSetArn },
    };
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [service],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        conditions,
      }),
    );
    const topic = new sns.Topic(this, 'Receipts', { masterKey: key, enforceSSL: true });
    topic.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [service],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions,
      }),
    );
    return topic;
  }
}
