import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, RecommendedSlot, SlotView } from '@skillbridge/contracts';
import type { Actor } from '@skillbridge/domain';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { CreateSlotDto, RecommendedQuery, SearchSlotsQuery, UpdateSlotDto } from './dto/slot.dto';
import { SlotsService } from './slots.service';

@ApiTags('slots')
@ApiBearerAuth()
@Controller('slots')
export class SlotsController {
  constructor(private readonly slots: SlotsService) {}

  @Post()
  @Roles('enterprise_admin')
  @ApiOperation({ summary: 'A draft slot: internship, apprenticeship or teacher practice' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateSlotDto): Promise<SlotView> {
    return this.slots.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'Search open slots (or, with enterpriseId, an enterprise’s own slots), cursor-paginated' })
  search(@CurrentActor() actor: Actor, @Query() query: SearchSlotsQuery): Promise<Page<SlotView>> {
    return this.slots.search(actor, query);
  }

  @Get('recommended')
  @Roles('student')
  @ApiOperation({ summary: 'Open slots ranked by fit for the signed-in student, with score and reasons' })
  recommended(@CurrentActor() actor: Actor, @Query() query: RecommendedQuery): Promise<RecommendedSlot[]> {
    return this.slots.recommended(actor, query.limit);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One slot, with seats left' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<SlotView> {
    return this.slots.get(actor, id);
  }

  @Patch(':id')
  @Roles('enterprise_admin', 'platform_admin')
  @ApiOperation({ summary: 'Edit a draft or open slot' })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateSlotDto): Promise<SlotView> {
    return this.slots.update(actor, id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('enterprise_admin', 'platform_admin')
  @ApiOperation({ summary: 'Open the slot for applications' })
  publish(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<SlotView> {
    return this.slots.publish(actor, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('enterprise_admin', 'platform_admin')
  @ApiOperation({ summary: 'Close the slot (a draft is cancelled)' })
  close(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<SlotView> {
    return this.slots.close(actor, id);
  }
}
