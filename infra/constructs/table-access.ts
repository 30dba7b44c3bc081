import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { TABLES, type TableDef, type TableKey } from '../../shared/tables.js';

/** Item reads, including conditions inside transactions. */
const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];
const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
/**
 * Key actions on the customer-managed table key: the same set aws-cdk-lib's table grants use
 * (proven in deployments), limited to the one key ARN.
 */
const KEY_READ_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey'];
/** Wildcard actions acknowledged in backend-functions.ts. */
export const KEY_WRITE_ACTIONS = ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'];

/**
 * Grants item access to one table and to each of its named indexes (explicit index ARNs
 * instead of CDK's `index/*` wildcard), plus the key actions DynamoDB performs for the caller.
 */
export function grantTableAccess(
  grantee: iam.IGrantable,
  key: TableKey,
  table: dynamodb.ITable,
  tableKey: kms.IKey,
  mode: 'read' | 'readWrite',
): void {
  const def: TableDef = TABLES[key];
  const indexNames = (def.indexes ?? []).map((index) => index.indexName);
  const write = mode === 'readWrite';
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: write ? [...READ_ACTIONS, ...WRITE_ACTIONS] : READ_ACTIONS,
      resources: [table.tableArn, ...indexNames.map((name) => `${table.tableArn}/index/${name}`)],
    }),
  );
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: write ? [...KEY_READ_ACTIONS, ...KEY_WRITE_ACTIONS] : KEY_READ_ACTIONS,
      resources: [tableKey.keyArn],
    }),
  );
}
