import { GraphQLError } from 'graphql';
import { badArgument, ErrorCode, type FieldError } from '../../errors.js';
import { MAX_BATCH, submitBatch } from './outbound-batch.js';
import type { PreparedWrite, WriteAnswer, WriteCaller } from './write-caller.js';

/** Why one element of a batch was not taken. */
export interface BatchItemError {
  code: string;
  message: string;
  fieldErrors: FieldError[];
  xeroMessages: string[];
}

/** The answer for one element of a batch, in input order: taken (SYNCED or PENDING) or refused. */
export interface BatchItemAnswer {
  index: number;
  answer: WriteAnswer | null;
  error: BatchItemError | null;
}

/** Errors of one element that refuse it alone; anything else fails the whole mutation. */
const PER_ITEM = new Set<string>([ErrorCode.BadUserInput, ErrorCode.NotFound, ErrorCode.Conflict]);

/**
 * Creates up to `MAX_BATCH` records: each input is validated on its own (a bad one is answered with
 * its field errors), the valid ones go to Xero 50 a call with `summarizeErrors=false`, and every element
 * is answered on its own.
 */
export async function createMany<I>(
  caller: WriteCaller,
  inputs: I[],
  prepare: (input: I, baseCurrency: string | null) => Promise<PreparedWrite>,
): Promise<BatchItemAnswer[]> {
  if (inputs.length > MAX_BATCH) {
    throw badArgument('inputs', `A batch takes at most ${MAX_BATCH} records (got ${inputs.length}).`);
  }
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  const answers: BatchItemAnswer[] = [];
  const prepared: Array<{ index: number; write: PreparedWrite }> = [];
  for (const [index, input] of inputs.entries()) {
    try {
      prepared.push({ index, write: await prepare(input, connection.baseCurrency) });
    } catch (error) {
      const code = error instanceof GraphQLError ? String(error.extensions.code) : '';
      if (!PER_ITEM.has(code)) throw error;
      answers[index] = { index, answer: null, error: itemError(error as GraphQLError) };
    }
  }
  const outcomes = await submitBatch(
    caller.pipeline,
    prepared.map((entry) => entry.write.write),
    connection,
  );
  outcomes.forEach((outcome, position) => {
    const { index, write } = prepared[position];
    answers[index] =
      outcome.kind === 'ok'
        ? { index, answer: { ...outcome.outcome, warnings: write.warnings }, error: null }
        : {
            index,
            answer: null,
            error: {
              code: ErrorCode.XeroRejected,
              message: `Xero refused the change: ${outcome.messages.join('; ')}`,
              fieldErrors: [],
              xeroMessages: outcome.messages,
            },
          };
  });
  return answers;
}

function itemError(error: GraphQLError): BatchItemError {
  return {
    code: String(error.extensions.code),
    message: error.message,
    fieldErrors: (error.extensions.fieldErrors as FieldError[] | undefined) ?? [],
    xeroMessages: [],
  };
}
