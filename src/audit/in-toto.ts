/**
 * in-toto Statement v1 with a Simple Verification Result (SVR) v0.2 predicate: what `attest`
 * prints and `verify-attestation` reads. Pure: the caller supplies digests and the time.
 * Spec: in-toto/attestation spec/v1 (Statement, ResourceDescriptor, digest types gitTree and
 * gitBlob) and spec/predicates/svr.md v0.2 (verifier.id, verifier.policies, timeCreated,
 * properties).
 */
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const SVR_PREDICATE_TYPE = 'https://in-toto.io/attestation/svr/v0.2';
/** Versioned as SVR recommends: v1 until what `verify` checks changes materially. */
export const VERIFIER_ID = 'pkg:npm/trailguard#verify/v1';
const DSSE_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/** The properties a passing verify can assert; each is listed only where it holds. */
export const PROPERTIES = {
  /** verify passed under the policy named in verifier.policies. */
  verified: 'TRAILGUARD_VERIFY_PASSED',
  /** No line (binary files: no commit of their history) comes from an outside-AI commit. */
  noOutsideModel: 'TRAILGUARD_NO_OUTSIDE_MODEL_LINES',
  /** No line comes from any AI commit, internal tools included. */
  noAi: 'TRAILGUARD_NO_AI_LINES',
  /** Every line comes from a commit with a human review that counts. */
  allReviewed: 'TRAILGUARD_ALL_LINES_HUMAN_REVIEWED',
  /** Every commit that changed the subjects was reviewed by someone other than its author. */
  twoPartyReviewed: 'SLSA_SOURCE_TWO_PARTY_REVIEWED',
} as const;

export type Digest = Record<string, string>;

export interface ResourceDescriptor {
  name: string;
  digest: Digest;
  annotations?: Record<string, unknown>;
}

export interface SvrStatement {
  _type: typeof STATEMENT_TYPE;
  subject: ResourceDescriptor[];
  predicateType: typeof SVR_PREDICATE_TYPE;
  predicate: {
    verifier: { id: string; policies: ResourceDescriptor[]; version: Record<string, string> };
    timeCreated: string;
    properties: string[];
  };
}

export function buildStatement(input: {
  subjects: ResourceDescriptor[];
  policies: ResourceDescriptor[];
  version: string;
  time: Date;
  properties: string[];
}): SvrStatement {
  return {
    _type: STATEMENT_TYPE,
    subject: input.subjects,
    predicateType: SVR_PREDICATE_TYPE,
    predicate: {
      verifier: {
        id: VERIFIER_ID,
        policies: input.policies,
        version: { trailguard: input.version },
      },
      timeCreated: input.time.toISOString(),
      properties: input.properties,
    },
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

function descriptorProblem(value: unknown, where: string): string | undefined {
  if (!isObject(value)) return `${where} is not an object`;
  if (typeof value.name !== 'string' || value.name === '') return `${where}.name is missing`;
  const digest = value.digest;
  if (!isObject(digest) || Object.keys(digest).length === 0) return `${where}.digest is missing`;
  if (!Object.values(digest).every((hex) => typeof hex === 'string' && /^[0-9a-f]+$/i.test(hex)))
    return `${where}.digest holds a value that is not hex`;
  return undefined;
}

/**
 * The statement inside `document`: a bare Statement, a DSSE envelope (`payload`, base64) or a
 * Sigstore bundle (`dsseEnvelope`), as actions/attest writes it. Signatures are not checked
 * here (that is `gh attestation verify`'s part); the shape is, strictly.
 */
export function readStatement(document: unknown): { statement?: SvrStatement; problem?: string } {
  let value = document;
  const envelope = isObject(value) && isObject(value.dsseEnvelope) ? value.dsseEnvelope : value;
  if (isObject(envelope) && typeof envelope.payload === 'string') {
    if (envelope.payloadType !== DSSE_PAYLOAD_TYPE)
      return { problem: `the envelope's payloadType is not ${DSSE_PAYLOAD_TYPE}` };
    try {
      value = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
    } catch {
      return { problem: "the envelope's payload is not base64-encoded JSON" };
    }
  }
  if (!isObject(value)) return { problem: 'not a JSON object' };
  if (value._type !== STATEMENT_TYPE) return { problem: `_type is not ${STATEMENT_TYPE}` };
  if (value.predicateType !== SVR_PREDICATE_TYPE)
    return { problem: `predicateType is not ${SVR_PREDICATE_TYPE}` };
  if (!Array.isArray(value.subject) || value.subject.length === 0)
    return { problem: 'subject is missing or empty' };
  for (const [index, subject] of value.subject.entries()) {
    const problem = descriptorProblem(subject, `subject[${index}]`);
    if (problem) return { problem };
  }
  const predicate = value.predicate;
  if (!isObject(predicate)) return { problem: 'predicate is missing' };
  const verifier = predicate.verifier;
  if (!isObject(verifier) || typeof verifier.id !== 'string')
    return { problem: 'predicate.verifier.id is missing' };
  if (!Array.isArray(verifier.policies))
    return { problem: 'predicate.verifier.policies is missing (SVR v0.2 requires it)' };
  if (typeof predicate.timeCreated !== 'string' || Number.isNaN(Date.parse(predicate.timeCreated)))
    return { problem: 'predicate.timeCreated is not a timestamp' };
  if (!isStringArray(predicate.properties))
    return { problem: 'predicate.properties is not an array of strings' };
  return { statement: value as unknown as SvrStatement };
}
