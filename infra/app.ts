import { App } from 'aws-cdk-lib';
import { buildApp } from './build-app.js';

// Entry of `cdk synth` / `cdk deploy` (cdk.json: `npx tsx infra/app.ts`).
const app = new App();
buildApp(app);
app.synth();
