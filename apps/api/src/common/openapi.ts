import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  DECORATORS,
  OpenAPIObject,
  getSchemaPath,
} from '@nestjs/swagger';
import { CodesByStatus, DocumentedProblem, ProblemCode, codesByStatus, problemsDescription } from './problem-codes';

export { INPUT_PROBLEMS } from './problem-codes';

/**
 * The OpenAPI document outside clients read (/api/docs-json): every operation says what it answers
 * on success, which problem codes it can answer and what security it needs. These few decorators
 * are the whole vocabulary; controllers list codes, never whole response blocks.
 */

export class ProblemFieldErrorSchema {
  @ApiProperty({ example: 'email' })
  field!: string;

  @ApiProperty({ example: 'email must be an email' })
  message!: string;
}

/** RFC 9457 problem details: the API's one error shape (`application/problem+json`). */
export class ProblemDetails {
  @ApiProperty({ description: 'A URN naming the problem kind', example: 'urn:skillbridge:problem:slot-full' })
  type!: string;

  @ApiProperty({ description: 'The HTTP status phrase', example: 'Conflict' })
  title!: string;

  @ApiProperty({ description: 'The HTTP status, the same as the response’s', example: 409 })
  status!: number;

  @ApiProperty({ description: 'What went wrong, for people', example: 'No seat is left on this slot' })
  detail!: string;

  @ApiProperty({ description: 'The stable, upper-snake code clients branch on', pattern: '^[A-Z][A-Z0-9_]*$', example: 'SLOT_FULL' })
  code!: string;

  @ApiPropertyOptional({
    description: 'The numbers of the broken rule (e.g. `{cap, postStaff, capacity}`)',
    type: 'object',
    additionalProperties: true,
  })
  facts?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'VALIDATION_FAILED: each invalid field', type: [ProblemFieldErrorSchema] })
  errors?: ProblemFieldErrorSchema[];

  @ApiPropertyOptional({ description: 'The x-request-id of the request, in every log line' })
  requestId?: string;
}

const PROBLEM_CODES = 'skillbridge:openapi:problem-codes';

/** One response per status: the problem details schema with the codes this route can answer listed. */
function problemResponse(status: number, codes: ProblemCode[]) {
  return ApiResponse({
    status,
    description: problemsDescription(codes),
    content: {
      'application/problem+json': {
        schema: {
          allOf: [{ $ref: getSchemaPath(ProblemDetails) }, { type: 'object', properties: { code: { type: 'string', enum: codes } } }],
        },
      },
    },
  });
}

/**
 * The problem codes a route (or every route of a controller) can answer, e.g.
 * `@ApiProblems('NOT_FOUND', 'SLOT_FULL')`: one problem response per status, listing its codes.
 * Repeated use on the same target adds codes (so `@Roles` adds FORBIDDEN, `@RateLimit`
 * RATE_LIMITED), never replaces them.
 */
export function ApiProblems(...problems: DocumentedProblem[]): MethodDecorator & ClassDecorator {
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder = descriptor ? descriptor.value : target;
    const merged = codesByStatus(problems, Reflect.getMetadata(PROBLEM_CODES, holder) as CodesByStatus | undefined);
    Reflect.defineMetadata(PROBLEM_CODES, merged, holder);
    // ApiResponse joins the descriptions of a status given twice: drop ours first, it is rewritten whole.
    const responses: Record<string, unknown> | undefined = Reflect.getMetadata(DECORATORS.API_RESPONSE, holder);
    if (responses)
      Reflect.defineMetadata(
        DECORATORS.API_RESPONSE,
        Object.fromEntries(Object.entries(responses).filter(([status]) => !(status in merged))),
        holder,
      );
    const decorators = [
      ApiExtraModels(ProblemDetails, ProblemFieldErrorSchema),
      ...Object.entries(merged).map(([status, codes]) => problemResponse(Number(status), codes)),
    ];
    applyDecorators(...decorators)(target, key as string | symbol, descriptor as PropertyDescriptor);
  };
}

const PAGE_OF = (contract: string) => ({
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: { type: 'array', items: { type: 'object', description: contract } },
    nextCursor: { type: 'string', nullable: true, description: 'Pass back as `cursor` for the next page; null on the last page' },
  },
});

const SHAPES = {
  object: (contract: string) => ({ type: 'object', description: contract }),
  list: (contract: string) => ({ type: 'array', items: { type: 'object', description: contract } }),
  page: PAGE_OF,
};

/**
 * The route's JSON success answer: its status and the contract type it carries (libs/contracts
 * holds the TypeScript shapes), e.g. `@ApiAnswer(200, 'SlotView')` or `@ApiAnswer(200, 'SlotView', 'page')`.
 */
export const ApiAnswer = (status: 200 | 201 | 202, contract: string, shape: keyof typeof SHAPES = 'object') =>
  ApiResponse({
    status,
    description:
      shape === 'page' ? `A page of ${contract}: \`{items, nextCursor}\`` : shape === 'list' ? `A list of ${contract}` : contract,
    content: { 'application/json': { schema: SHAPES[shape](contract) } },
  });

/** A success answer with no body (202 queued, 204 done). */
export const ApiEmptyAnswer = (status: 202 | 204, description: string) => ApiResponse({ status, description });

/** A file (CSV, XLSX) or text answer rather than JSON. */
export const ApiFileAnswer = (description: string, ...mediaTypes: string[]) =>
  ApiResponse({
    status: 200,
    description,
    content: Object.fromEntries(
      mediaTypes.map((type) => [type, { schema: { type: 'string', ...(type.startsWith('text/') ? {} : { format: 'binary' }) } }]),
    ),
  });

/** Every route of the controller (or this route) needs a bearer access token: 401 UNAUTHENTICATED without one. */
export const ApiSignedIn = () => applyDecorators(ApiBearerAuth(), ApiProblems('UNAUTHENTICATED'));

const PUBLIC_MARK = 'x-skillbridge-public';

/**
 * Marks a route (or every route of a controller) as needing no token. @nestjs/swagger drops an
 * empty `security` list, so the mark is turned into `security: []` by explicitSecurity().
 */
export const ApiNoSecurity = () => ApiExtension(PUBLIC_MARK, true);

type Operation = { security?: unknown[]; [PUBLIC_MARK]?: boolean };

/** Public routes say `security: []` outright, rather than leaving outside clients to guess from a missing entry. */
export function explicitSecurity(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Operation[]) {
      if (typeof operation !== 'object' || operation === null || !(PUBLIC_MARK in operation)) continue;
      delete operation[PUBLIC_MARK];
      operation.security = [];
    }
  }
  return document;
}
