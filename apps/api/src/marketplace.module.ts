import { Module } from '@nestjs/common';
import { ApplicationsController } from './applications/applications.controller';
import { AcceptBatches } from './applications/accept-batches';
import { ApplicationsService } from './applications/applications.service';
import { PlacementsController } from './placements/placements.controller';
import { PlacementsService } from './placements/placements.service';
import { SlotsController } from './slots/slots.controller';
import { SlotsService } from './slots/slots.service';

/** Slots, applications and placements: where enterprises and students meet. */
@Module({
  controllers: [SlotsController, ApplicationsController, PlacementsController],
  providers: [SlotsService, ApplicationsService, AcceptBatches, PlacementsService],
})
export class MarketplaceModule {}
