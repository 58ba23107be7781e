import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, PlacementView } from '@skillbridge/contracts';
import type { Actor } from '@skillbridge/domain';
import { RateLimit } from '../common/rate-limit';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { ApiAnswer, ApiProblems, ApiSignedIn, INPUT_PROBLEMS } from '../common/openapi';
import { ActivatePlacementDto, CompletePlacementDto, ListPlacementsQuery } from './dto/placement.dto';
import { PlacementsService } from './placements.service';

@ApiTags('placements')
@ApiSignedIn()
@Controller('placements')
export class PlacementsController {
  constructor(private readonly placements: PlacementsService) {}

  @Get()
  @ApiAnswer(200, 'PlacementView', 'page')
  @ApiProblems('VALIDATION_FAILED', 'INVALID_CURSOR')
  @ApiOperation({
    summary:
      'Placements, each side its own (officers: their remit; `enterpriseId` narrows to one enterprise), keyset-paginated `{items, nextCursor}`; reads by enterprise staff and officers are in the access log',
  })
  list(@CurrentActor() actor: Actor, @Query() query: ListPlacementsQuery): Promise<Page<PlacementView>> {
    return this.placements.list(actor, query);
  }

  @Get(':id')
  @ApiAnswer(200, 'PlacementView')
  @ApiProblems('NOT_FOUND')
  @ApiOperation({ summary: 'One placement' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<PlacementView> {
    return this.placements.get(actor, id);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Roles('enterprise_admin')
  @RateLimit('messages')
  @ApiAnswer(200, 'PlacementView')
  @ApiProblems(
    ...INPUT_PROBLEMS,
    'NOT_FOUND',
    'INVALID_TRANSITION',
    [422, 'SCHOOL_APPROVAL_REQUIRED'],
    'INSURANCE_REQUIRED',
    'GUARDIAN_CONSENT_REQUIRED',
    'AGREEMENT_NOT_SIGNED',
    'INSURANCE_NOT_COVERING',
    'INSURANCE_MISMATCH',
    'PLACEMENT_NOT_STARTED',
  )
  @ApiOperation({
    summary:
      'Start the placement: a student’s needs the school’s approval and its tripartite agreement signed by every party (the guardian too under 18) with insurance covering its dates; a policy number given must be the agreement’s',
  })
  activate(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ActivatePlacementDto): Promise<PlacementView> {
    return this.placements.activate(actor, id, body);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles('enterprise_admin')
  @RateLimit('messages')
  @ApiAnswer(200, 'PlacementView')
  @ApiProblems(...INPUT_PROBLEMS, 'NOT_FOUND', 'INVALID_TRANSITION', 'DAYS_SERVED_REQUIRED', 'PLACEMENT_NOT_ENDED')
  @ApiOperation({ summary: 'Finish the placement with the enterprise’s evaluation' })
  complete(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: CompletePlacementDto): Promise<PlacementView> {
    return this.placements.complete(actor, id, body);
  }
}
