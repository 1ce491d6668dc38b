import { type CfnResource, Validations } from 'aws-cdk-lib';
import { rules } from 'cdk-nag';

export interface ExpectedWildcard {
  /** The cdk-nag finding, e.g. `Action::s3:List*` or `Resource::*`, or a pattern for one. */
  readonly finding: string | RegExp;
  readonly reason: string;
}

/**
 * Acknowledges the AwsSolutions-IAM5 findings on `policy` that match `expected`, each with its
 * own reason. cdk-nag 3 has no prefix acknowledgements and some findings embed account-specific
 * names (the CDK asset bucket), so the findings are computed with cdk-nag's own rule and matched
 * against this list. Anything not listed, such as a wildcard a CDK upgrade adds, stays a finding
 * and fails synth until someone reviews it.
 */
export function acknowledgeExpectedWildcards(policy: CfnResource, expected: readonly ExpectedWildcard[]): void {
  const result = rules.iam.IAMNoWildcardPermissions(policy);
  if (!Array.isArray(result)) return;
  for (const finding of result) {
    const match = expected.find((e) => (typeof e.finding === 'string' ? e.finding === finding : e.finding.test(finding)));
    if (match) {
      Validations.of(policy).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: match.reason });
    }
  }
}
