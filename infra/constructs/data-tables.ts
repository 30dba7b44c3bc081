import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { TABLES, type IndexDef, type KeyDef, type TableDef, type TableKey } from '../../shared/tables.js';

const ATTRIBUTE_TYPES = { S: dynamodb.AttributeType.STRING, N: dynamodb.AttributeType.NUMBER } as const;
const STREAM_VIEWS = {
  NEW_IMAGE: dynamodb.StreamViewType.NEW_IMAGE,
  NEW_AND_OLD_IMAGES: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
} as const;

function attribute(key: KeyDef): dynamodb.Attribute {
  return { name: key.name, type: ATTRIBUTE_TYPES[key.type] };
}

function indexProps(index: IndexDef): dynamodb.GlobalSecondaryIndexProps {
  const base = {
    indexName: index.indexName,
    partitionKey: attribute(index.partitionKey),
    sortKey: index.sortKey ? attribute(index.sortKey) : undefined,
  };
  if (index.projection === 'ALL') return { ...base, projectionType: dynamodb.ProjectionType.ALL };
  if (index.projection === 'KEYS_ONLY') return { ...base, projectionType: dynamodb.ProjectionType.KEYS_ONLY };
  return { ...base, projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: [...index.projection] };
}

/**
 * Every table of `shared/tables.ts`, the same definitions the local bootstrap uses:
 * on-demand, point-in-time recovery, deletion protection, retained on stack deletion, and
 * encrypted with one customer-managed key (tips hold reporter contact data, which must be
 * encrypted at rest under a key the operators control and can audit).
 */
export class DataTables extends Construct {
  /** The tables by logical name. */
  readonly tables: Record<TableKey, dynamodb.Table>;
  /** The customer-managed key that encrypts every table and its stream. */
  readonly key: kms.Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new kms.Key(this, 'TableKey', {
      description: 'Phithak DynamoDB tables (tips hold reporter contact data)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const entries = (Object.keys(TABLES) as TableKey[]).map((key) => [key, this.table(key, TABLES[key])]);
    this.tables = Object.fromEntries(entries) as Record<TableKey, dynamodb.Table>;
  }

  private table(key: TableKey, def: TableDef): dynamodb.Table {
    const table = new dynamodb.Table(this, key, {
      partitionKey: attribute(def.partitionKey),
      sortKey: def.sortKey ? attribute(def.sortKey) : undefined,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      stream: def.stream ? STREAM_VIEWS[def.stream] : undefined,
      timeToLiveAttribute: def.ttlAttribute,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of def.indexes ?? []) table.addGlobalSecondaryIndex(indexProps(index));
    return table;
  }
}
