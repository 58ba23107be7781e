import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, RecommendedSlot, SlotView } from '@skillbridge/contracts';
import type { Actor } from '@skillbridge/domain';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { ApiAnswer, ApiProblems, ApiSignedIn, INPUT_PROBLEMS } from '../common/openapi';
import { CreateSlotDto, RecommendedQuery, SearchSlotsQuery, UpdateSlotDto } from './dto/slot.dto';
import { SlotsService } from './slots.service';

@ApiTags('slots')
@ApiSignedIn()
@Controller('slots')
export class SlotsController {
  constructor(private readonly slots: SlotsService) {}

  @Post()
  @Roles('enterprise_admin')
  @ApiAnswer(201, 'SlotView')
  @ApiProblems(
    ...INPUT_PROBLEMS,
    'UNKNOWN_MAJOR',
    'ENTERPRISE_NOT_VERIFIED',
    'DATES_INVERTED',
    'DEADLINE_AFTER_START',
    'STIPEND_REQUIRED',
    'STIPEND_BELOW_FLOOR',
    'NIGHT_SHIFT_NOT_ALLOWED',
    'HOURS_EXCEEDED',
    'QUOTA_CAP_EXCEEDED',
    'POST_CAP_EXCEEDED',
  )
  @ApiOperation({ summary: 'A draft slot: internship, apprenticeship or teacher practice' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateSlotDto): Promise<SlotView> {
    return this.slots.create(actor, body);
  }

  @Get()
  @ApiAnswer(200, 'SlotView', 'page')
  @ApiProblems('VALIDATION_FAILED', 'INVALID_CURSOR')
  @ApiOperation({
    summary:
      'Search open slots by words in their title, description, majors and skills (or, with enterpriseId, an enterprise’s own slots), cursor-paginated; students find student slots, teachers teacher practice',
  })
  search(@CurrentActor() actor: Actor, @Query() query: SearchSlotsQuery): Promise<Page<SlotView>> {
    return this.slots.search(actor, query);
  }

  @Get('recommended')
  @Roles('student')
  @ApiAnswer(200, 'RecommendedSlot', 'list')
  @ApiProblems('VALIDATION_FAILED', 'NOT_FOUND')
  @ApiOperation({ summary: 'Open slots ranked by fit for the signed-in student, with score and reasons' })
  recommended(@CurrentActor() actor: Actor, @Query() query: RecommendedQuery): Promise<RecommendedSlot[]> {
    return this.slots.recommended(actor, query.limit);
  }

  @Get(':id')
  @ApiAnswer(200, 'SlotView')
  @ApiProblems('NOT_FOUND')
  @ApiOperation({ summary: 'One slot, with seats left' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<SlotView> {
    return this.slots.get(actor, id);
  }

  @Patch(':id')
  @Roles('enterprise_admin', 'platform_admin')
  @ApiAnswer(200, 'SlotView')
  @ApiProblems(
    ...INPUT_PROBLEMS,
    'UNKNOWN_MAJOR',
    'NOT_FOUND',
    'INVALID_TRANSITION',
    'SLOT_PUBLISHED',
    'CAPACITY_BELOW_TAKEN',
    'DATES_INVERTED',
    'DEADLINE_AFTER_START',
    'STIPEND_REQUIRED',
    'STIPEND_BELOW_FLOOR',
    'NIGHT_SHIFT_NOT_ALLOWED',
    'HOURS_EXCEEDED',
    'QUOTA_CAP_EXCEEDED',
    'POST_CAP_EXCEEDED',
  )
  @ApiOperation({ summary: 'Edit a draft or open slot' })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateSlotDto): Promise<SlotView> {
    return this.slots.update(actor, id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('enterprise_admin', 'platform_admin')
  @ApiAnswer(200, 'SlotView')
  @ApiProblems(
    'NOT_FOUND',
    'INVALID_TRANSITION',
    'ENTERPRISE_NOT_VERIFIED',
    'DATES_INVERTED',
    'DEADLINE_AFTER_START',
    'STIPEND_REQUIRED',
    'STIPEND_BELOW_FLOOR',
    'NIGHT_SHIFT_NOT_ALLOWED',
    'HOURS_EXCEEDED',
    'QUOTA_CAP_EXCEEDED',
    'POST_CAP_EXCEEDED',
  )
  @ApiOperation({ summary: 'Open the slot for applications' })
  publish(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<SlotView> {
    return this.slots.publish(actor, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('enterprise_admin', 'platform_admin')
  @ApiAnswer(200, 'SlotView')
  @ApiProblems('NOT_FOUND', 'INVALID_TRANSITION')
  @ApiOperation({ summary: 'Close the slot (a draft is cancelled)' })
  close(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<SlotView> {
    return this.slots.close(actor, id);
  }
}
