import { ScanCommand, type DynamoDBDocumentClient, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';

/** Parallel segments of a full scan: a sparse index of active hotspots is read in a few hundred ms. */
const SEGMENTS = 4;

/** Scans a table or index to the end in {@link SEGMENTS} parallel segments (for bounded sets only). */
export async function scanAll(
  doc: DynamoDBDocumentClient,
  input: Omit<ScanCommandInput, 'ExclusiveStartKey' | 'Segment' | 'TotalSegments'>,
): Promise<Record<string, unknown>[]> {
  const segments = await Promise.all(
    Array.from({ length: SEGMENTS }, async (_, segment) => {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new ScanCommand({ ...input, Segment: segment, TotalSegments: SEGMENTS, ExclusiveStartKey: start }),
        );
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    }),
  );
  return segments.flat();
}
