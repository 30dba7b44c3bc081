import { Stack, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatefulStack } from '../../infra/stateful-stack.js';
import { TABLES, type TableDef, type TableKey } from '../../shared/tables.js';
import { nagErrors, removeScratchDirs, testApp } from './infra-fixture.js';

afterAll(removeScratchDirs);

let stack: StatefulStack;
let template: Template;

beforeAll(() => {
  stack = new StatefulStack(testApp({}), 'Stateful');
  template = Template.fromStack(stack);
});

function tableResource(key: TableKey): { Properties: Record<string, any>; DeletionPolicy?: string } {
  const table = stack.tables[key];
  const logicalId = Stack.of(table).getLogicalId(table.node.defaultChild as CfnElement);
  return template.toJSON().Resources[logicalId];
}

function keySchema(partition: { name: string }, sort?: { name: string }) {
  return [
    { AttributeName: partition.name, KeyType: 'HASH' },
    ...(sort ? [{ AttributeName: sort.name, KeyType: 'RANGE' }] : []),
  ];
}

const keys = Object.keys(TABLES) as TableKey[];

describe('stateful stack: tables generated from shared/tables.ts', () => {
  it('creates exactly one table per definition', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', keys.length);
  });

  it.each(keys)('%s has the keys, indexes, stream and TTL of its definition', (key) => {
    const def: TableDef = TABLES[key];
    const props = tableResource(key).Properties;
    expect(props.KeySchema).toEqual(keySchema(def.partitionKey, def.sortKey));
    const indexes = (props.GlobalSecondaryIndexes ?? []).map((index: any) => ({
      name: index.IndexName,
      keys: index.KeySchema,
      projection: index.Projection,
    }));
    const expected = (def.indexes ?? []).map((index) => ({
      name: index.indexName,
      keys: keySchema(index.partitionKey, index.sortKey),
      projection:
        typeof index.projection === 'string'
          ? { ProjectionType: index.projection }
          : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection] },
    }));
    expect(indexes).toEqual(expected);
    expect(props.StreamSpecification?.StreamViewType).toBe(def.stream);
    expect(props.TimeToLiveSpecification?.AttributeName).toBe(def.ttlAttribute);
  });

  it.each(keys)('%s is on-demand, recoverable, protected, retained and encrypted with the CMK', (key) => {
    const resource = tableResource(key);
    expect(resource.DeletionPolicy).toBe('Retain');
    expect(resource.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: expect.anything() },
    });
  });

  it('declares every key attribute with its type', () => {
    for (const key of keys) {
      const def: TableDef = TABLES[key];
      const all = [def.partitionKey, def.sortKey, ...(def.indexes ?? []).flatMap((i) => [i.partitionKey, i.sortKey])];
      const expected = new Map(all.filter((k) => k !== undefined).map((k) => [k.name, k.type]));
      const declared = new Map(
        tableResource(key).Properties.AttributeDefinitions.map((a: any) => [a.AttributeName, a.AttributeType]),
      );
      expect(declared).toEqual(expected);
    }
  });

  it('rotates the table key and keeps it on stack deletion', () => {
    template.hasResource('AWS::KMS::Key', { Properties: { EnableKeyRotation: true }, DeletionPolicy: 'Retain' });
  });
});

describe('stateful stack: coordinator user pool', () => {
  it('allows no self sign-up, requires MFA and a strong password, with threat protection', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      UserPoolTier: 'PLUS',
      DeletionProtection: 'ACTIVE',
    });
  });

  it('has the coordinators group the API requires (cognito:groups)', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'coordinators' });
  });

  it('has a hosted-UI domain with the stage-aware prefix', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'phithak-prod' });
  });
});

describe('stateful stack: application keys', () => {
  it('has an HMAC_256 key for pseudonyms (GenerateMac only), retained', () => {
    template.hasResource('AWS::KMS::Key', {
      Properties: Match.objectLike({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }),
      DeletionPolicy: 'Retain',
    });
  });

  it('has a rotated symmetric key for tipster contact data besides the table key', () => {
    const symmetric = Object.values(template.findResources('AWS::KMS::Key')).filter(
      (k: any) => k.Properties.KeySpec === undefined && k.Properties.EnableKeyRotation === true,
    );
    expect(symmetric).toHaveLength(2);
  });
});

describe('stateful stack: cdk-nag', () => {
  it('has no unacknowledged AwsSolutions errors', () => {
    expect(nagErrors(stack)).toEqual([]);
  });
});
