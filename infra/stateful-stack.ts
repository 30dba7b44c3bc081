import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { TableKey } from '../shared/tables.js';
import { AppKeys } from './constructs/app-keys.js';
import { CoordinatorPool } from './constructs/coordinator-pool.js';
import { DataTables } from './constructs/data-tables.js';

/** Props of {@link StatefulStack}. */
export interface StatefulStackProps extends StackProps {
  /** Hosted-UI domain prefix of the coordinators' pool. */
  cognitoDomainPrefix?: string;
}

/**
 * What must survive a redeploy: the tables (and their key), the application keys and the
 * coordinator user pool with its group and domain. Kept apart from the stateless stack so
 * functions, API and hosting can be replaced freely.
 */
export class StatefulStack extends Stack {
  /** The tables by logical name (`shared/tables.ts`). */
  readonly tables: Record<TableKey, dynamodb.Table>;
  /** The customer-managed key encrypting every table. */
  readonly tableKey: kms.IKey;
  /** HMAC key of pseudonyms (`PSEUDONYM_KEY_ID`) and key of tipster contact data (`CONTACT_KEY_ID`). */
  readonly keys: AppKeys;
  /** Coordinators' user pool (API authorizer). */
  readonly userPool: cognito.UserPool;
  /** The hosted-UI domain. */
  readonly userPoolDomain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: StatefulStackProps = {}) {
    super(scope, id, props);
    const data = new DataTables(this, 'Data');
    this.tables = data.tables;
    this.tableKey = data.key;
    this.keys = new AppKeys(this, 'Keys');
    const pool = new CoordinatorPool(this, 'Coordinators', {
      domainPrefix: props.cognitoDomainPrefix ?? 'phithak-prod',
    });
    this.userPool = pool.userPool;
    this.userPoolDomain = pool.domain;
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
  }
}
