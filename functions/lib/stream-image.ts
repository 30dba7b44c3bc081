import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from 'aws-lambda';

type Image = Record<string, AttributeValue>;

/**
 * A stream image as a plain item. Lambda delivers an empty map as `{"M": {}}`; a client that
 * deserialises records itself (the local host's stream reader) may hand it over as `{}`,
 * which `unmarshall` refuses: such an empty value is read as the empty map it was.
 */
export function itemOfImage(image: Image): Record<string, unknown> {
  return unmarshall(repair(image) as Parameters<typeof unmarshall>[0]);
}

function repair(image: Image): Image {
  const out: Image = {};
  for (const [k, v] of Object.entries(image)) out[k] = repairValue(v);
  return out;
}

function repairValue(v: AttributeValue): AttributeValue {
  if (!v || typeof v !== 'object' || Object.keys(v).length === 0) return { M: {} };
  if (v.M) return { M: repair(v.M as Image) };
  if (v.L) return { L: v.L.map(repairValue) };
  return v;
}
