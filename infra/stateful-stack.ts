import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { TableKey } from '../shared/tables.js';
import { CoordinatorPool } from './constructs/coordinator-pool.js';
import { DataTables } from './constructs/data-tables.js';

/**
 * What must survive a redeploy: the tables (and their key) and the coordinator user pool.
 * Kept apart from the stateless stack so functions, API and hosting can be replaced freely.
 */
export class StatefulStack extends Stack {
  /** The tables by logical name (`shared/tables.ts`). */
  readonly tables: Record<TableKey, dynamodb.Table>;
  /** The customer-managed key encrypting every table. */
  readonly tableKey: kms.IKey;
  /** Coordinators' user pool (API authorizer). */
  readonly userPool: cognito.UserPool;
  /** The web app's user pool client. */
  readonly webClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const data = new DataTables(this, 'Data');
    this.tables = data.tables;
    this.tableKey = data.key;
    const pool = new CoordinatorPool(this, 'Coordinators');
    this.userPool = pool.userPool;
    this.webClient = pool.webClient;
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'WebClientId', { value: this.webClient.userPoolClientId });
  }
}
