import { RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * The application's own keys, retained with the data they protect: an HMAC key for
 * pseudonyms (`GenerateMac` only; the key never leaves KMS, so nobody can try the Thai number
 * space against stored pseudonyms) and a symmetric key for envelope encryption of tipsters'
 * contact data (a data key per write, decrypted only on a coordinator's audited read).
 */
export class AppKeys extends Construct {
  readonly pseudonymKey: kms.Key;
  readonly contactKey: kms.Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.pseudonymKey = new kms.Key(this, 'PseudonymKey', {
      description: 'Phithak pseudonyms (HMAC-SHA256 of numbers and client addresses)',
      keySpec: kms.KeySpec.HMAC_256,
      keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.contactKey = new kms.Key(this, 'ContactKey', {
      description: 'Phithak tipster contact data (envelope encryption)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
