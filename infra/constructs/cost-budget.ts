import * as budgets from 'aws-cdk-lib/aws-budgets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** Props of {@link CostBudget}. */
export interface CostBudgetProps {
  stage: string;
  /** The whole account's monthly budget, USD. */
  monthlyBudgetUsd: number;
  /** SMS's monthly budget, USD (End User Messaging charges). */
  smsMonthlyBudgetUsd: number;
  /** Notified at 80 % of actual and 100 % of forecast month-to-date cost. */
  topic: sns.ITopic;
}

/**
 * AWS Budgets on month-to-date cost: one for the account, one for End User Messaging (SMS is
 * nearly all of the running cost; docs/deploy.md has the table). Budgets notify the alarm topic
 * at 80 % of actual and 100 % of forecast spend.
 */
export class CostBudget extends Construct {
  constructor(scope: Construct, id: string, props: CostBudgetProps) {
    super(scope, id);
    this.budget('Total', `phithak-${props.stage}-monthly`, props.monthlyBudgetUsd, props.topic);
    // Cost Explorer's service name for SMS sent through AWS End User Messaging SMS.
    this.budget('Sms', `phithak-${props.stage}-sms`, props.smsMonthlyBudgetUsd, props.topic, {
      Service: ['AWS End User Messaging'],
    });
    props.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('budgets.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [props.topic.topicArn],
      }),
    );
  }

  private budget(id: string, name: string, limitUsd: number, topic: sns.ITopic, costFilters?: object): void {
    const subscribers = [{ subscriptionType: 'SNS', address: topic.topicArn }];
    new budgets.CfnBudget(this, id, {
      budget: {
        budgetName: name,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: limitUsd, unit: 'USD' },
        costFilters,
      },
      notificationsWithSubscribers: [
        {
          notification: { notificationType: 'ACTUAL', comparisonOperator: 'GREATER_THAN', threshold: 80 },
          subscribers,
        },
        {
          notification: { notificationType: 'FORECASTED', comparisonOperator: 'GREATER_THAN', threshold: 100 },
          subscribers,
        },
      ],
    });
  }
}
