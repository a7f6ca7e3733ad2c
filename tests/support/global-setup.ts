import type { TestProject } from 'vitest/node';
import { type AzuriteHandle, startAzurite } from '../../scripts/azurite';

let azurite: AzuriteHandle | undefined;

/** One in-memory Azurite for the whole run, on a free port. */
export async function setup(project: TestProject): Promise<void> {
  azurite = await startAzurite();
  project.provide('storageConnectionString', azurite.connectionString);
}

export async function teardown(): Promise<void> {
  await azurite?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    storageConnectionString: string;
  }
}
